"""Screen names, field labels and button labels in the documentation's words: the one place
where the reference client's words live."""

AUTH_CODE = "authentication code"
IMPORT = "import"
LICENSE = "license agreement"
LOGIN = "login"  # the username-only login page
PASSWORD = "password"
MANUAL_LOGIN = "Manual Login"
PROGRESSING = "progressing"
HOME = "MiCollab Home"

AUTH_CODE_FIELD = "Authentication Code"
USERNAME_FIELD = "Email ID or Login ID"
PASSWORD_FIELD = "Password"
SERVER_HOSTNAME_FIELD = "Server Hostname"
MANUAL_LOGIN_ID_FIELD = "Login ID/Email ID"

APPLY, IMPORT_BUTTON, ACCEPT, NEXT, BACK = "Apply", "Import", "Accept", "Next", "Back"
LOGOUT = "Logout"  # the MiCollab document names no log-out control; the Mitel One document's word
MITEL_LOGO = "Mitel logo"
MANUAL_LOGIN_TAPS = 3

# Messages: the documentation is silent on their wording; each says what happened and what to do.
MESSAGES = {
    "deployment_expired": "This deployment has expired. Ask your administrator for a new deployment e-mail.",
    "deployment_used": "This deployment has already been used. Ask your administrator for a new deployment e-mail.",
    "unknown_deployment": "This deployment is not known to the MiCollab server. Check the link or code.",
    "malformed_code": "This is not a MiCollab authentication code. Copy it again from the deployment e-mail.",
    "invalid_credentials": "Invalid username or password. Try again.",
    "account_locked": "Your account is locked after too many wrong passwords. Try again in {minutes} minutes.",
    "unreachable": "Cannot reach the MiCollab server {host}. Check its address and your network, then try again.",
    "timed_out": "The MiCollab server {host} did not answer in time. Try again.",
    "server_error": "The MiCollab server could not complete the login ({detail}). Try again later.",
    "cloudlink_state": "The CloudLink sign-in answer does not belong to this sign-in. Try again.",
    "cloudlink_denied": "CloudLink did not sign you in ({detail}). Try again.",
}
