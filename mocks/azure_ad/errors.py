"""Every refusal the mock gives, with Entra's AADSTS code and wording, in one place.

Codes and messages are those of Entra's error reference (learn.microsoft.com, "Microsoft Entra
authentication and authorization error codes") and of its sign-in pages unless a comment says
the code was chosen here. Sign-in page errors answer 200: the page is shown again with the error.
"""

from __future__ import annotations

PAGE = 200


class AzureError(Exception):
    """A refusal in Entra's terms: AADSTS number, OAuth error code, message and HTTP status."""

    def __init__(self, code: int, error: str, message: str, status: int = 400) -> None:
        super().__init__(f"AADSTS{code}: {message}")
        self.code, self.error, self.message, self.status = code, error, message, status

    @property
    def aadsts(self) -> str:
        return f"AADSTS{self.code}"


class ToClient(AzureError):
    """A refusal of an authorization request whose client and redirect URI are known: it goes
    back to the redirect URI (error, error_description, state), not onto an Entra page."""


# -- the sign-in pages (in the pages' words) ------------------------------------------------------


def unknown_user() -> AzureError:
    return AzureError(50034, "invalid_request", "We couldn't find an account with that username.", PAGE)


def wrong_password() -> AzureError:
    message = "Your account or password is incorrect. If you don't remember your password, reset it now."
    return AzureError(50126, "invalid_grant", message, PAGE)


def locked() -> AzureError:
    message = "Your account is temporarily locked to prevent unauthorized use. Try again later."
    return AzureError(50053, "invalid_grant", message, PAGE)


def wrong_code() -> AzureError:
    # Entra's code page shows no AADSTS number; its sign-in log records 500121 ("Authentication
    # failed during strong authentication request"), which is documented. 50181 is not used.
    return AzureError(
        500121, "invalid_grant", "You didn't enter the expected verification code. Please try again.", PAGE
    )


def session_timed_out() -> AzureError:
    # Entra's wording for a lost sign-in flow; the number is this mock's choice (not documented).
    return AzureError(
        90100, "invalid_request", "Your session has timed out. Please close your browser and sign in again."
    )


# -- requests ---------------------------------------------------------------------------------------


def tenant_not_found(name: str) -> AzureError:
    message = (
        f"Tenant '{name}' not found. Check to make sure you have the correct tenant ID and are signing into the "
        "correct cloud. Check with your subscription administrator, this may happen if there are no active "
        "subscriptions for the tenant."
    )
    return AzureError(90002, "invalid_tenant", message)


def app_not_found(identifier: str, directory_name: str) -> AzureError:
    message = (
        f"Application with identifier '{identifier}' was not found in the directory '{directory_name}'. This can "
        "happen if the application has not been installed by the administrator of the tenant or consented to by "
        "any user in the tenant. You may have sent your authentication request to the wrong tenant."
    )
    return AzureError(700016, "unauthorized_client", message)


def reply_mismatch(redirect_uri: str, client_id: str) -> AzureError:
    message = (
        f"The redirect URI '{redirect_uri}' specified in the request does not match the redirect URIs configured "
        f"for the application '{client_id}'. Make sure the redirect URI sent in the request matches one added to "
        "your application in the Azure portal."
    )
    return AzureError(50011, "invalid_request", message)


def missing(name: str, kind: type[AzureError] = AzureError) -> AzureError:
    return kind(900144, "invalid_request", f"The request body must contain the following parameter: '{name}'.")


def unsupported_response_type(response_type: str) -> ToClient:
    message = f"response_type '{response_type}' is not enabled for the application."
    return ToClient(700054, "unsupported_response_type", message)


def pkce_required() -> ToClient:
    # The harness requires PKCE S256 of every client (SEC-OAUTH-1). Entra itself takes `plain`
    # too and requires PKCE only for SPA redirect URIs, with this documented code and message.
    message = "Proof Key for Code Exchange is required for cross-origin authorization code redemption."
    return ToClient(9002325, "invalid_request", message)


# -- the token endpoint -----------------------------------------------------------------------------


def malformed_grant() -> AzureError:
    return AzureError(9002313, "invalid_grant", "Invalid request. Request is malformed or invalid.")


def code_redeemed() -> AzureError:
    message = (
        "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing "
        "refresh token."
    )
    return AzureError(54005, "invalid_grant", message)


def code_expired() -> AzureError:
    message = (
        "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive "
        "authorization request for this user and resource."
    )
    return AzureError(70008, "invalid_grant", message)


def other_client() -> AzureError:
    # Entra publishes no code for a code redeemed by another client: 70000 (InvalidGrant) is chosen here.
    return AzureError(70000, "invalid_grant", "Provided grant is invalid or malformed.")


def code_reply_mismatch(redirect_uri: str, expected: str) -> AzureError:
    # 500112, documented; not 50148, which is the older code of a PKCE mismatch.
    message = (
        f"The reply address '{redirect_uri}' does not match the reply address '{expected}' provided when requesting "
        "Authorization code."
    )
    return AzureError(500112, "invalid_grant", message)


def verifier_mismatch() -> AzureError:
    message = "The Code_Verifier does not match the code_challenge supplied in the authorization request."
    return AzureError(501481, "invalid_grant", message)


def refresh_expired() -> AzureError:
    return AzureError(700082, "invalid_grant", "The refresh token has expired due to inactivity.")


def bad_client_secret(client_id: str) -> AzureError:
    message = (
        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, "
        f"not the client secret ID, for a secret added to app '{client_id}'."
    )
    return AzureError(7000215, "invalid_client", message, 401)


def public_client_secret() -> AzureError:
    message = "Client is public so neither 'client_assertion' nor 'client_secret' should be presented."
    return AzureError(700025, "invalid_client", message, 401)


def unsupported_grant(kind: str) -> AzureError:
    return AzureError(70003, "unsupported_grant_type", f"The app requested an unsupported grant type '{kind}'.")


# -- SAML -------------------------------------------------------------------------------------------


def saml_missing() -> AzureError:
    message = (
        "SAMLRequest or SAMLResponse must be present as query string parameters in HTTP request for SAML Redirect "
        "binding."
    )
    return AzureError(750054, "invalid_request", message)


def saml_malformed(detail: str) -> AzureError:
    # 75005 (Saml2MessageInvalid) is documented; the detail is this mock's.
    return AzureError(75005, "invalid_request", f"The SAML request is not valid: {detail}.")


def saml_bad_id(request_id: str) -> AzureError:
    message = f"The value '{request_id}' is not a valid SAML ID. The ID must not begin with a number."
    return AzureError(7500529, "invalid_request", message)


# -- the password grant (ROPC) and client credentials ---------------------------------------------


def client_secret_required() -> AzureError:
    # What Entra answers a public client's password grant when "Allow public client flows" is off.
    message = "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."
    return AzureError(7000218, "invalid_client", message, 401)


def ropc_unknown_user() -> AzureError:
    return AzureError(50034, "invalid_grant", "The user account does not exist in this directory.")


def mfa_required() -> AzureError:
    message = (
        "Due to a configuration change made by your administrator, or because you moved to a new location, you "
        "must use multi-factor authentication to access the resource."
    )
    return AzureError(50076, "invalid_grant", message)


def confidential_only(kind: str) -> AzureError:
    # Entra's code for a public client sending a confidential client's grant (700025's family);
    # the wording is this mock's.
    return AzureError(700025, "invalid_client", f"Client is public: the {kind} grant needs a client secret.", 401)


def default_scope_required(scope: str) -> AzureError:
    message = f"The provided value for the input parameter 'scope' is not valid. The scope {scope} is not valid."
    return AzureError(70011, "invalid_scope", message)


# -- SAML request properties Entra refuses ----------------------------------------------------------


def saml_unsupported(property_name: str) -> AzureError:
    """Entra's documented wording for a property it does not support (its SAML protocol page shows
    AADSTS75006 wrapping AADSTS90011 for NameIdentifierPolicy/SPNameQualifier); used here for a
    Subject in the AuthnRequest and a NameIDPolicy Format outside the four it lists."""
    message = (
        "An error occurred while processing a SAML2 Authentication request. AADSTS90011: The SAML authentication "
        f"request property '{property_name}' is not supported."
    )
    return AzureError(75006, "invalid_request", message)
