"""CloudLink as a SAML 2.0 service provider of the company's Azure AD, as the real "Mitel
Connect" enterprise application is: SP entity ID and Reply URL
https://authentication.api.mitel.io/2017-09-01/saml2/<account>, the IdP read from Azure AD's
federation metadata. python3-saml builds the AuthnRequest and validates the Response strictly.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from onelogin.saml2.authn_request import OneLogin_Saml2_Authn_Request
from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser
from onelogin.saml2.response import OneLogin_Saml2_Response
from onelogin.saml2.settings import OneLogin_Saml2_Settings

API_HOST = "authentication.api.mitel.io"
BASE = "/2017-09-01"
EMAIL_FORMAT = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"


class SamlRefused(Exception):
    pass


def sp_entity_id(account_id: str) -> str:
    return f"https://{API_HOST}{BASE}/saml2/{account_id}"


class Federation:
    """`metadata_of(azure_tenant_id)` gives Azure AD's federation metadata XML for a tenant."""

    def __init__(self, metadata_of: Callable[[str], str]) -> None:
        self._metadata_of = metadata_of
        self._settings: dict[tuple[str, str], OneLogin_Saml2_Settings] = {}

    def settings(self, account_id: str, azure_tenant_id: str) -> OneLogin_Saml2_Settings:
        key = (account_id, azure_tenant_id)
        if key not in self._settings:
            idp = OneLogin_Saml2_IdPMetadataParser.parse(self._metadata_of(azure_tenant_id))
            entity = sp_entity_id(account_id)
            # The user's UPN (Entra's e-mail address format), not the pairwise ID an unspecified
            # NameIDPolicy would get: CloudLink matches it to the user.
            sp = {"entityId": entity, "assertionConsumerService": {"url": entity}, "NameIDFormat": EMAIL_FORMAT}
            config = {"strict": True, "sp": sp, "security": {"wantAssertionsSigned": False}} | {"idp": idp["idp"]}
            self._settings[key] = OneLogin_Saml2_Settings(config, sp_validation_only=True)
        return self._settings[key]

    def forget(self, account_id: str) -> None:
        """Drops the account's settings: a tenant made again with its ID may trust other metadata."""
        self._settings = {key: value for key, value in self._settings.items() if key[0] != account_id}

    def sign_in_url(self, account_id: str, azure_tenant_id: str, relay_state: str) -> tuple[str, str]:
        """Where to send the user (HTTP-Redirect binding), and the request's ID to expect back."""
        settings = self.settings(account_id, azure_tenant_id)
        request = OneLogin_Saml2_Authn_Request(settings)
        query = urlencode({"SAMLRequest": request.get_request(), "RelayState": relay_state})
        return f"{settings.get_idp_sso_url()}?{query}", request.get_id()

    def consume(self, account_id: str, azure_tenant_id: str, saml_response: str, request_id: str) -> str:
        """The signed-in user's NameID (the UPN), once the Response is valid in every respect."""
        settings = self.settings(account_id, azure_tenant_id)
        response = OneLogin_Saml2_Response(settings, saml_response)
        request_data = {
            "https": "on",
            "http_host": API_HOST,
            "script_name": f"{BASE}/saml2/{account_id}",
            "post_data": {"SAMLResponse": saml_response},
        }
        if not response.is_valid(request_data, request_id):
            raise SamlRefused(response.get_error() or "invalid SAML response")
        return response.get_nameid()
