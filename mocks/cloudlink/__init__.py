"""CloudLink: the authentication API, the Unified login page, password set-up by e-mail, and
federation to the company's Azure AD over SAML 2.0. See app.py for what is documented publicly
and what was chosen here."""

from mocks.cloudlink.app import cloudlink_app
from mocks.cloudlink.directory import CloudLinkDirectory
from mocks.cloudlink.federation import Federation
from mocks.cloudlink.front import API_HOST, LOGIN_HOST, CloudLinkFront

__all__ = ["API_HOST", "LOGIN_HOST", "CloudLinkDirectory", "CloudLinkFront", "Federation", "cloudlink_app"]
