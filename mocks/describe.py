"""What a client needs to be configured for the standalone world, as JSON: the proxy and its CA,
the hosts, SMTP, CloudLink's clients, each tenant's IDs, applications, users and passwords."""

from __future__ import annotations

import dataclasses

from mocks.azure_ad import AZURE_HOST
from mocks.azure_ad.endpoints import BASE_URL, DISCOVERY, FEDERATION_METADATA, SAML_SSO, saml_entity_id, url
from mocks.azure_ad.models import OidcApp, SamlServiceProvider
from mocks.cloudlink import API_HOST, LOGIN_HOST
from mocks.cloudlink.clients import Client
from mocks.cloudlink.federation import sp_entity_id
from mocks.mail.reading import labelled_value, links
from mocks.micollab_server.mailer import DEPLOYMENT_SUBJECT
from mocks.mitel_one import WEB_HOST
from mocks.platform import MAILBOX_HOST, PLATFORM_HOSTS, WORLD_HOST, Platform
from mocks.proxy import CONTROL_HOST
from mocks.tenant import Tenant

DOCS = "docs/world-api.md"


def describe_app(app: OidcApp) -> dict:
    answer = {
        "client_id": app.client_id, "name": app.name, "redirect_uris": list(app.redirect_uris),
        "confidential": bool(app.client_secret), "optional_claims": list(app.optional_claims),
        "public_client_flows": app.public_client_flows, "authority": f"{BASE_URL}/{app.tenant_id}",
    }  # fmt: skip
    return answer | ({"client_secret": app.client_secret} if app.client_secret else {})


def describe_saml_app(sp: SamlServiceProvider) -> dict:
    return dataclasses.asdict(sp) | {
        "idp_entity_id": saml_entity_id(sp.tenant_id),
        "sso_url": url(SAML_SSO, sp.tenant_id),
        "federation_metadata": url(FEDERATION_METADATA, sp.tenant_id),
    }


def describe_client(client: Client) -> dict:
    answer = client.describe()
    answer.pop("client_secret")
    return answer | ({"client_secret": client.client_secret} if client.client_secret else {})


def describe_tenant(platform: Platform, tenant: Tenant) -> dict:
    users = []
    for user in tenant.users:
        deployment = platform.mail.wait_for(user.email, DEPLOYMENT_SUBJECT)
        users.append(
            dataclasses.asdict(user)
            | {
                "deployment_link": links(deployment)[0],
                "authentication_code": labelled_value(deployment, "Authentication Code"),
            }
        )
    tid = tenant.azure_tenant_id
    return {
        "id": tenant.id,
        "company": tenant.company,
        "domain": tenant.domain,
        "micollab_server": tenant.server_host,
        "azure_tenant_id": tid,
        "cloudlink_account_id": tenant.cloudlink_account_id,
        "account_number": tenant.account_number,
        "settings": dataclasses.asdict(tenant.settings),
        "azure_ad": {
            "tenant_id": tid,
            "authority": f"{BASE_URL}/{tid}",
            "openid_configuration": url(DISCOVERY, tid),
            "federation_metadata": url(FEDERATION_METADATA, tid),
            "saml_sso_url": url(SAML_SSO, tid),
            "saml_entity_id": saml_entity_id(tid),
            "applications": [describe_app(app) for app in platform.azure.apps_of(tenant)],
            "saml_applications": [describe_saml_app(sp) for sp in platform.azure.saml_sps_of(tenant)],
        },
        "cloudlink": {
            "account_id": tenant.cloudlink_account_id,
            "saml_sp_entity_id": sp_entity_id(tenant.cloudlink_account_id),
        },
        "mitel_one": {"account_number": tenant.account_number, "url": f"https://{WEB_HOST}/"},
        "users": users,
    }


def describe_world(platform: Platform, tenants: list[Tenant], seed: int) -> dict:
    scheme = platform.scheme
    smtp_host, smtp_port = platform.smtp_address
    cloudlink_api = f"{scheme}://{API_HOST}/2017-09-01"
    return {
        "proxy": platform.proxy_url,
        "ca_certificate": platform.ca_bundle,
        "seed": seed,
        "control": f"{scheme}://{WORLD_HOST}/",
        "docs": DOCS,
        "hosts": {"micollab": [t.server_host for t in tenants], "patterns": list(PLATFORM_HOSTS)},
        "smtp": {"host": smtp_host, "port": smtp_port},
        "mailbox_api": f"{scheme}://{MAILBOX_HOST}/api/v1/mailboxes/{{address}}/messages",
        "cloudlink": {
            "api": cloudlink_api,
            "openid_configuration": f"{cloudlink_api}/.well-known/openid-configuration",
            "authorization_endpoint": f"{scheme}://{LOGIN_HOST}/authorize",
            "token_endpoint": f"{cloudlink_api}/token",
            "clients": [describe_client(c) for c in platform.cloudlink_clients.all()],
        },
        "azure_ad": {"instance": BASE_URL, "host": AZURE_HOST},
        "mitel_one": {"url": f"{scheme}://{WEB_HOST}/", "api": f"{scheme}://{WEB_HOST}/api/v1"},
        "inspection": {
            "world": f"{scheme}://{WORLD_HOST}/tenants",
            "proxy": f"http://{CONTROL_HOST}/flows",
            "faults": f"http://{CONTROL_HOST}/faults",
            "micollab_received": f"{scheme}://micollab.{{domain}}/_mock/requests",
        },
        "tenants": [describe_tenant(platform, t) for t in tenants],
    }
