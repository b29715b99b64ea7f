"""python3-saml and pysaml2, unmodified, as service providers of the standalone world's Azure AD
through its proxy, each registered over the control API and configured from the federation
metadata the world's JSON names: NameID formats as the request asks, signed responses verified,
and requests Entra refuses (a Subject, an unknown NameID format) refused to the SP."""

from __future__ import annotations

import shutil
from urllib.parse import urlencode, urlsplit

import pytest
from onelogin.saml2.authn_request import OneLogin_Saml2_Authn_Request
from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser
from onelogin.saml2.response import OneLogin_Saml2_Response
from onelogin.saml2.settings import OneLogin_Saml2_Settings
from onelogin.saml2.utils import OneLogin_Saml2_Utils
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT, saml
from saml2.client import Saml2Client
from saml2.config import SPConfig
from saml2.response import StatusRequestUnsupported

from tests.mocks.test_azure_ad import SignInPages
from tests.standalone_world import user

SUBJECT = "<saml:Subject><saml:NameID>someone@example.com</saml:NameID></saml:Subject>"
FORMATS = {
    "email": "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
    "persistent": "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
    "unspecified": "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
    "transient": "urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
}


@pytest.fixture(scope="module")
def tenant(standalone):
    return standalone.new_tenant(azure_ad_integrated=True)  # only an Azure AD user has a UPN to sign in with


def register(standalone, tenant: dict, name: str, signing: str = "assertion") -> dict:
    entity = f"https://{name}.example.com/saml"
    body = {"entity_id": entity, "acs_url": f"{entity}/acs", "signing": signing}
    return standalone.control("POST", f"/tenants/{tenant['id']}/azure-ad/saml-applications", **body)


def posted_to_sp(standalone, tenant: dict, url: str, sign_in: bool = True) -> dict:
    """The sign-in pages from the SP's redirect: the form the browser posts to the ACS URL."""
    with standalone.client() as browser:
        pages = SignInPages(browser)
        pages.open(url)
        if sign_in:
            pages.sign_in(user(tenant))
        [form] = pages.document.forms
        return {"action": form.action} | dict(form.fields)


# -- python3-saml ---------------------------------------------------------------------------------


def onelogin_settings(standalone, app: dict, name_id_format: str, **security) -> OneLogin_Saml2_Settings:
    metadata = standalone.http.get(app["federation_metadata"]).text
    idp = OneLogin_Saml2_IdPMetadataParser.parse(metadata)["idp"]
    sp = {
        "entityId": app["entity_id"],
        "assertionConsumerService": {"url": app["acs_url"]},
        "NameIDFormat": name_id_format,
    }
    config = {"strict": True, "sp": sp, "idp": idp, "security": {"wantAssertionsSigned": True} | security}
    return OneLogin_Saml2_Settings(config, sp_validation_only=True)


def onelogin_sign_in(standalone, tenant, settings, xml_change=None):
    """An AuthnRequest (HTTP-Redirect), the pages, and the Response python3-saml validates.
    `xml_change` makes a request python3-saml would not write, from the one it wrote: Entra
    refuses it at once, so there is no signing in."""
    authn = OneLogin_Saml2_Authn_Request(settings)
    request = authn.get_request()
    if xml_change:
        request = OneLogin_Saml2_Utils.deflate_and_base64_encode(xml_change(authn.get_xml()))
    url = f"{settings.get_idp_sso_url()}?{urlencode({'SAMLRequest': request, 'RelayState': 'r1'})}"
    posted = posted_to_sp(standalone, tenant, url, sign_in=xml_change is None)
    response = OneLogin_Saml2_Response(settings, posted["SAMLResponse"])
    acs = urlsplit(settings.get_sp_data()["assertionConsumerService"]["url"])
    request_data = {"https": "on", "http_host": acs.hostname, "script_name": acs.path,
                    "post_data": {"SAMLResponse": posted["SAMLResponse"]}}  # fmt: skip
    return response, response.is_valid(request_data, authn.get_id())


@pytest.mark.parametrize("kind", ["email", "persistent", "unspecified", "transient"])
def test_python3_saml_gets_the_name_id_format_it_asks_for(standalone, tenant, kind):
    app = register(standalone, tenant, f"onelogin-{kind}")
    settings = onelogin_settings(standalone, app, FORMATS[kind])
    first, valid = onelogin_sign_in(standalone, tenant, settings)
    assert valid, first.get_error()
    second, _ = onelogin_sign_in(standalone, tenant, settings)
    if kind == "email":
        assert (first.get_nameid(), first.get_nameid_format()) == (user(tenant).upn, FORMATS["email"])
    elif kind == "transient":
        assert first.get_nameid() != second.get_nameid()  # new at every sign-in
    else:  # a pairwise identifier: stable for this SP, not the user's name
        assert (first.get_nameid(), first.get_nameid_format()) == (second.get_nameid(), FORMATS["persistent"])
        assert user(tenant).upn not in first.get_nameid()


def test_python3_saml_verifies_a_response_signed_as_a_whole_too(standalone, tenant):
    app = register(standalone, tenant, "onelogin-both", signing="both")
    settings = onelogin_settings(standalone, app, FORMATS["email"], wantMessagesSigned=True)
    response, valid = onelogin_sign_in(standalone, tenant, settings)
    assert valid, response.get_error()


@pytest.mark.parametrize(
    "xml_change",
    [
        lambda xml: xml.replace("<samlp:NameIDPolicy", f"{SUBJECT}<samlp:NameIDPolicy"),
        lambda xml: xml.replace(FORMATS["email"], "urn:oasis:names:tc:SAML:2.0:nameid-format:kerberos"),
    ],
    ids=["a Subject in the request", "an unsupported NameID format"],
)
def test_a_request_entra_refuses_comes_back_to_python3_saml_as_request_unsupported(standalone, tenant, xml_change):
    app = register(standalone, tenant, "onelogin-refused")
    settings = onelogin_settings(standalone, app, FORMATS["email"])
    response, valid = onelogin_sign_in(standalone, tenant, settings, xml_change)
    assert not valid
    assert "was Requester -> AADSTS75006" in response.get_error()


# -- pysaml2 --------------------------------------------------------------------------------------


def pysaml2_client(standalone, app: dict, name_id_format: str) -> Saml2Client:
    xmlsec = shutil.which("xmlsec1")
    assert xmlsec, "pysaml2 needs Debian's xmlsec1 (make setup installs it)"
    config = SPConfig()
    config.load({
        "entityid": app["entity_id"],
        "service": {"sp": {
            "endpoints": {"assertion_consumer_service": [(app["acs_url"], BINDING_HTTP_POST)]},
            "name_id_format": [name_id_format], "want_assertions_signed": True, "want_response_signed": False,
            "allow_unsolicited": False, "authn_requests_signed": False,
        }},
        "metadata": {"inline": [standalone.http.get(app["federation_metadata"]).text]},
        "xmlsec_binary": xmlsec,
    })  # fmt: skip
    return Saml2Client(config)


def test_pysaml2_signs_in_and_verifies_the_signed_assertion(standalone, tenant):
    app = register(standalone, tenant, "pysaml2")
    client = pysaml2_client(standalone, app, FORMATS["email"])
    request_id, info = client.prepare_for_authenticate(entityid=app["idp_entity_id"], relay_state="r1",
                                                       binding=BINDING_HTTP_REDIRECT)  # fmt: skip
    posted = posted_to_sp(standalone, tenant, dict(info["headers"])["Location"])
    assert (posted["action"], posted["RelayState"]) == (app["acs_url"], "r1")
    response = client.parse_authn_request_response(posted["SAMLResponse"], BINDING_HTTP_POST, {request_id: "/"})
    assert response.name_id.text == user(tenant).upn
    assert response.ava["name"] == [user(tenant).upn]  # Entra's claims, read by pysaml2's converters


def test_pysaml2_is_refused_a_request_with_a_subject(standalone, tenant):
    app = register(standalone, tenant, "pysaml2-subject")
    client = pysaml2_client(standalone, app, FORMATS["email"])
    subject = saml.Subject(name_id=saml.NameID(text=user(tenant).upn, format=FORMATS["email"]))
    request_id, request = client.create_authn_request(app["sso_url"], subject=subject)
    info = client.apply_binding(BINDING_HTTP_REDIRECT, str(request), app["sso_url"], relay_state="r2")
    posted = posted_to_sp(standalone, tenant, dict(info["headers"])["Location"], sign_in=False)
    with pytest.raises(StatusRequestUnsupported, match="AADSTS75006"):
        client.parse_authn_request_response(posted["SAMLResponse"], BINDING_HTTP_POST, {request_id: "/"})
