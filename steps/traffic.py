"""The simulated network: faults on a platform host, and what the wire shows."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from harness import checks, wire
from harness.products import MICOLLAB_CLIENT, MITEL_ONE_MOBILE
from mocks.cloudlink import LOGIN_HOST
from mocks.mitel_one import WEB_HOST

CERTIFICATES = {
    "a certificate from an authority the device does not trust": "untrusted-certificate",
    "a certificate for another host name": "wrong-host-certificate",
}


@given(parsers.parse("the MiCollab server presents {certificate}"))
def micollab_server_impostor(traffic, tenant, certificate):
    traffic.set_fault(tenant.server_host, CERTIFICATES[certificate])


@given(parsers.parse("the CloudLink Unified login page presents {certificate}"))
def cloudlink_login_impostor(traffic, certificate):
    traffic.set_fault(LOGIN_HOST, CERTIFICATES[certificate])


@given(parsers.parse("the Mitel One platform presents {certificate}"))
def mitel_one_impostor(traffic, certificate):
    traffic.set_fault(WEB_HOST, CERTIFICATES[certificate])


def received_nothing(traffic, host: str, what: str, product: str = MICOLLAB_CLIENT) -> None:
    sent = [f for f in traffic.flows(product) if f["host"] == host]
    checks.all_equal(f"requests of the client {what} received", 0, [len(sent)])


@then("the Mitel One platform received nothing from the Mitel One mobile application")
def mitel_one_received_nothing_from_mobile(traffic):
    received_nothing(traffic, WEB_HOST, "the Mitel One platform", MITEL_ONE_MOBILE)


@then("the MiCollab server received nothing from the client")
def micollab_server_received_nothing(traffic, tenant):
    received_nothing(traffic, tenant.server_host, "the MiCollab server")


@then("the CloudLink Unified login page received nothing from the client")
def cloudlink_login_received_nothing(traffic):
    received_nothing(traffic, LOGIN_HOST, "the CloudLink Unified login page")


@given("the MiCollab server is down")
def micollab_server_down(traffic, tenant):
    traffic.set_fault(tenant.server_host, "down")


@when("the MiCollab server is back")
def micollab_server_back(traffic):
    traffic.clear_faults()


@given(parsers.re(r"the MiCollab server answers every request (?P<seconds>\d+) seconds? late"))
def micollab_server_slow(traffic, tenant, seconds):
    traffic.set_fault(tenant.server_host, "latency", seconds=int(seconds))


@given(parsers.parse("the MiCollab server answers {status:d} to every request"))
def micollab_server_failing(traffic, tenant, status):
    traffic.set_fault(tenant.server_host, "5xx", status=status)


@given("the MiCollab server answers every request with a malformed body")
def micollab_server_malformed(traffic, tenant):
    traffic.set_fault(tenant.server_host, "malformed")


@given("the MiCollab server fails while MiCollab Home loads")
def micollab_home_failing(traffic, tenant):
    traffic.set_fault(tenant.server_host, "5xx", status=500, path="/api/v1/home")


@given("the MiCollab server fails the login once CloudLink has let the user in")
def micollab_cloudlink_login_failing(traffic, tenant):
    traffic.set_fault(tenant.server_host, "5xx", status=500, path="/api/v1/login/cloudlink")


@then("every request the client made to a platform host used HTTPS")
def all_https(traffic, wire_context):
    flows = traffic.client_flows()
    checks.server_recorded("a request of the client", len(flows))  # no traffic proves nothing
    wire.expect_clean(wire.check_tls, flows, wire_context)


OWNED_PASSWORDS = {  # each password the requirement names, with the only host that may receive it
    "MiCollab password went only to the MiCollab server": lambda user: user.micollab_password,
    "CloudLink password went only to CloudLink": lambda user: user.cloudlink_password,
    "enterprise password went only to Azure AD": lambda user: user.enterprise_password,
}


@then(parsers.re(rf"the (?P<sent>{'|'.join(OWNED_PASSWORDS)}), never in a URL"))
def password_only_to_owner(traffic, wire_context, tenant, sent):
    flows = traffic.client_flows()
    password = sent.split(" went ")[0]
    checks.server_recorded(f"the {password} received", wire.sent_to(flows, OWNED_PASSWORDS[sent](tenant.user)))
    wire.expect_clean(wire.check_credentials, flows, wire_context)  # each credential to its owner only


@then("the client sent the password provided in the welcome e-mail once")
def password_sent_once(traffic, tenant):
    sent = wire.sent_to(traffic.client_flows(), tenant.user.micollab_password)
    checks.all_equal("requests that carried the password", 1, [sent])


@then("no request left the simulated network")
def nothing_left(traffic, wire_context):
    flows = traffic.client_flows()
    checks.server_recorded("a request of the client", len(flows))
    wire.expect_clean(wire.check_egress, flows, wire_context)


@then("the tokens of the logged-out session are refused by the MiCollab server")
def tokens_refused_after_logout(traffic, tenant):
    tokens = traffic.bearer_tokens(tenant.server_host)
    checks.server_recorded("the client used a session token", len(tokens))
    statuses = [traffic.replay_with_token(tenant.server_host, "/api/v1/home", t) for t in tokens]
    checks.all_equal("the MiCollab server refuses every token of the ended session", 401, statuses)


@then("the MiCollab server keeps no session open for the user")
def no_session_open(simulated, tenant):
    open_sessions = simulated.micollab.open_sessions(tenant.server_host, tenant.user.login_id)
    checks.all_equal("open sessions on the MiCollab server", 0, [open_sessions])


@then("the MiCollab server has a session open for the user")
def session_open(simulated, tenant):
    """The session is the user's own, not another account's that the device used before."""
    open_sessions = simulated.micollab.open_sessions(tenant.server_host, tenant.user.login_id)
    checks.server_recorded("a session of the user's open on the MiCollab server", open_sessions)


@then("every authorization request the client made used PKCE S256, state and nonce")
def authorization_requests_protected(traffic, wire_context):
    flows = traffic.client_flows()
    checks.server_recorded("an authorization request", len(wire.authorization_requests(flows)))
    wire.expect_clean(wire.check_oauth, flows, wire_context)


@then("every authorization request the client made had a fresh, unguessable state, nonce and code challenge")
def authorization_values_fresh(traffic, wire_context):
    flows = traffic.client_flows()
    checks.server_recorded("a second authorization request", len(wire.authorization_requests(flows)) - 1)
    wire.expect_clean(wire.check_authorization_values, flows, wire_context)


@then("the client redeemed each authorization code once only")
def codes_redeemed_once(traffic, wire_context):
    flows = traffic.client_flows()
    checks.server_recorded("an authorization code redeemed", len(wire.code_redemptions(flows)))
    wire.expect_clean(wire.check_code_redeemed_once, flows, wire_context)


@then("the client redeemed the deployment once only")
def deployment_redeemed_once(traffic, wire_context):
    flows = traffic.client_flows()
    checks.server_recorded("a deployment redeemed", len(wire.deployment_redemptions(flows)))
    wire.expect_clean(wire.check_deployment_redeemed_once, flows, wire_context)
