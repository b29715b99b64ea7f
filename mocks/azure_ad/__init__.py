"""Azure AD (Microsoft Entra ID) at login.microsoftonline.com: OpenID Connect (authorization code +
PKCE S256), SAML 2.0 single sign-on, the sign-in pages with smart lockout and an authenticator-app
code, and the documents clients discover it by. State in directory.py, tokens in tokens.py,
SAML in saml.py, HTML in pages.py, HTTP in app.py, addresses in endpoints.py."""

from mocks.azure_ad.app import azure_app
from mocks.azure_ad.directory import AzureDirectory
from mocks.azure_ad.endpoints import AZURE_HOST
from mocks.azure_ad.errors import AzureError
from mocks.azure_ad.front import AzureAdFront

__all__ = ["AZURE_HOST", "AzureAdFront", "AzureDirectory", "AzureError", "azure_app"]
