"""What a client needs to be configured for the standalone world, as JSON: the proxy and its CA,
the hosts, SMTP, CloudLink's clients, each tenant's IDs, applications, users and passwords."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from mocks.azure_ad.endpoints import AZURE_HOST, BASE_URL, DISCOVERY, FEDERATION_METADATA, SAML_SSO, saml_entity_id, url
from mocks.cloudlink.federation import sp_entity_id
from mocks.cloudlink.front import API_HOST, LOGIN_HOST
from mocks.hosts import PLATFORM_HOSTS, WORLD_HOST
from mocks.mail.front import MAILBOX_HOST
from mocks.mail.reading import labelled_value, links
from mocks.micollab_server.mailer import DEPLOYMENT_SUBJECT
from mocks.mitel_one import WEB_HOST
from mocks.proxy import CONTROL_HOST
from mocks.tenant import Tenant

if TYPE_CHECKING:
    from mocks.platform import Platform

DOCS = "docs/world-api.md"


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
            "applications": platform.azure_ad.applications(tenant.id),
            "saml_applications": platform.azure_ad.saml_applications(tenant.id),
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
        "browser_proxy": platform.browser_proxy_url,
        "ca_certificate": platform.ca_bundle,
        "ca_certificate_url": f"http://{WORLD_HOST}/ca-certificate",
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
            "clients": platform.cloudlink.registered_clients(),
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
