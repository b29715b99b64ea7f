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


def check_code_redeemed_once(flows: list[dict], context: AuditContext) -> list[Violation]:
    """SEC-OAUTH-2: each authorization code reaches a token endpoint once."""
    first: dict[str, dict] = {}
    found = []
    for flow, fields in code_redemptions(flows):
        code = fields.get("code", "")
        if not code or not reached_server(flow):
            continue
        if code in first:
            message = f"authorization code of #{first[code]['seq']} redeemed again: single use"
            found.append(Violation("SEC-OAUTH-2", message, flow))
        else:
            first[code] = flow
    return found


def check_deployment_redeemed_once(flows: list[dict], context: AuditContext) -> list[Violation]:
    """SEC-OAUTH-2: a device redeems each deployment link or authentication code once."""
    found = []
    for device_flows in by_device(flows).values():
        first: dict[tuple[str, str], dict] = {}
        for flow, token in deployment_redemptions(device_flows):
            key = (flow["host"], token)
            if not token or not reached_server(flow):
                continue
            if key in first:
                message = f"deployment of #{first[key]['seq']} redeemed again by the same device: single use"
                found.append(Violation("SEC-OAUTH-2", message, flow))
            else:
                first[key] = flow
    return found


ONE_TIME_CODE = "otc"  # the field of Azure AD's second-factor form (mocks/azure_ad/pages.py)


def check_one_time_code_sent_once(flows: list[dict], context: AuditContext) -> list[Violation]:
    """SEC-OAUTH-2: a device sends each one-time code once."""
    found = []
    for device_flows in by_device(flows).values():
        first: dict[str, dict] = {}
        for flow in device_flows:
            code = body_fields(flow).get(ONE_TIME_CODE, "").strip() if flow["method"] == "POST" else ""
            if not code or not reached_server(flow):
                continue
            if code in first:
                message = f"one-time code of #{first[code]['seq']} sent again by the same device: single use"
                found.append(Violation("SEC-OAUTH-2", message, flow))
            else:
                first[code] = flow
    return found
