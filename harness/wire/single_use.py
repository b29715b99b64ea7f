"""SEC-OAUTH-2 on the wire: what is single-use is used once. An authorization code goes to a
token endpoint once (RFC 6749 §4.1.2: "The client MUST NOT use the authorization code more than
once"); a MiCollab deployment (the deployment link's token or the authentication code's secret)
is redeemed once by a device; a one-time code (Azure AD's second factor, its form's `otc`) is sent
once by a device (RFC 6238 §5.2: a verifier must not accept it twice, so a second send is a
double submission the user never made). A request the proxy answered itself (a fault) never reached the
server, so a retry after it is no second use."""

from __future__ import annotations

from harness.wire.model import AuditContext, Violation, by_device, reached_server
from harness.wire.oauth import code_redemptions
from harness.wire.views import body_fields

DEPLOYMENT_REDEEM = "/api/v1/deployments/redeem"  # the MiCollab server's (mocks/micollab_server/app.py)


def deployment_redemptions(flows: list[dict]) -> list[tuple[dict, str]]:
    """Each request that redeems a deployment, with its token."""
    return [
        (flow, body_fields(flow).get("token", ""))
        for flow in flows
        if flow["method"] == "POST" and flow["path"] == DEPLOYMENT_REDEEM
    ]


def second_uses(uses, what: str, again: str) -> list[Violation]:
    """SEC-OAUTH-2: each of `uses` ((flow, value) in the order sent) whose value was used before.
    No value, or a request that never reached the server, is no use."""
    first: dict = {}
    found = []
    for flow, value in uses:
        if not value or not reached_server(flow):
            continue
        if value in first:
            found.append(Violation("SEC-OAUTH-2", f"{what} of #{first[value]['seq']} {again}: single use", flow))
        else:
            first[value] = flow
    return found


def check_code_redeemed_once(flows: list[dict], context: AuditContext) -> list[Violation]:
    """SEC-OAUTH-2: each authorization code reaches a token endpoint once."""
    uses = ((flow, fields.get("code", "")) for flow, fields in code_redemptions(flows))
    return second_uses(uses, "authorization code", "redeemed again")


def check_deployment_redeemed_once(flows: list[dict], context: AuditContext) -> list[Violation]:
    """SEC-OAUTH-2: a device redeems each deployment link or authentication code once."""
    found = []
    for device_flows in by_device(flows).values():
        uses = ((flow, (flow["host"], token) if token else "") for flow, token in deployment_redemptions(device_flows))
        found += second_uses(uses, "deployment", "redeemed again by the same device")
    return found


ONE_TIME_CODE = "otc"  # the field of Azure AD's second-factor form (mocks/azure_ad/pages.py)


def one_time_code(flow: dict) -> str:
    return body_fields(flow).get(ONE_TIME_CODE, "").strip() if flow["method"] == "POST" else ""


def check_one_time_code_sent_once(flows: list[dict], context: AuditContext) -> list[Violation]:
    """SEC-OAUTH-2: a device sends each one-time code once."""
    found = []
    for device_flows in by_device(flows).values():
        uses = ((flow, one_time_code(flow)) for flow in device_flows)
        found += second_uses(uses, "one-time code", "sent again by the same device")
    return found
