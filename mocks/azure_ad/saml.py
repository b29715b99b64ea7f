"""Azure AD as a SAML 2.0 identity provider: its federation metadata, the AuthnRequests it reads
(HTTP-Redirect and HTTP-POST bindings) and the signed Responses it gives, shaped as Entra's are:
issuer https://sts.windows.net/<tid>/, NameID the UPN, Entra's claim URIs as attributes."""

from __future__ import annotations

import base64
import binascii
import datetime
import hashlib
import secrets
import uuid
import zlib
from dataclasses import dataclass

from lxml import etree
from lxml.builder import ElementMaker
from signxml import CanonicalizationMethod, DigestAlgorithm, SignatureMethod, XMLSigner

from mocks.azure_ad import errors
from mocks.azure_ad.accounts import Account
from mocks.azure_ad.endpoints import SAML_SSO, saml_entity_id, url
from mocks.azure_ad.models import NAME_ID_FORMATS, SamlRequest, SamlServiceProvider
from mocks.azure_ad.tokens import SigningKeys

PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol"
ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion"
METADATA = "urn:oasis:names:tc:SAML:2.0:metadata"
DSIG = "http://www.w3.org/2000/09/xmldsig#"
REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
STATUS = "urn:oasis:names:tc:SAML:2.0:status:"
CLAIMS = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims"
MS_CLAIMS = "http://schemas.microsoft.com/identity/claims"
SUBJECT_TTL = 5 * 60  # SubjectConfirmationData NotOnOrAfter, as Entra sets it
ASSERTION_TTL = 60 * 60  # Conditions NotOnOrAfter: Entra's SAML tokens last an hour
CLOCK_SKEW = 5 * 60  # Entra back-dates NotBefore by five minutes
MAX_REQUEST = 64 * 1024  # an AuthnRequest is a few hundred bytes; refuse to inflate more

# No network, no DTD, no entities: the defusedxml-safe subset of lxml for untrusted XML.
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
SIGNER_SETTINGS = {
    "signature_algorithm": SignatureMethod.RSA_SHA256,
    "digest_algorithm": DigestAlgorithm.SHA256,
    "c14n_algorithm": CanonicalizationMethod.EXCLUSIVE_XML_CANONICALIZATION_1_0,  # what Entra uses
}


@dataclass(frozen=True)
class AuthnRequest:
    id: str
    issuer: str
    acs_url: str  # empty when the SP leaves it to its registration
    name_id_format: str = ""  # NameIDPolicy's Format, if the request has one
    sp_name_qualifier: str = ""
    has_subject: bool = False  # Entra refuses a Subject in an AuthnRequest

    def refusal(self) -> errors.AzureError | None:
        """What Entra's SAML protocol page says it refuses in a well-formed request, if any."""
        if self.has_subject:
            return errors.saml_unsupported("Subject")
        if self.name_id_format and self.name_id_format not in NAME_ID_FORMATS.values():
            return errors.saml_unsupported("NameIdentifierPolicy/Format")
        return None


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)  # raw DEFLATE, RFC 1951, as the binding says
    xml = inflater.decompress(data, MAX_REQUEST)
    if inflater.unconsumed_tail:
        raise errors.saml_malformed("it is too large")
    return xml


def parse_authn_request(saml_request: str, deflated: bool) -> AuthnRequest:
    """Reads an AuthnRequest: base64 + raw DEFLATE (HTTP-Redirect) or base64 alone (HTTP-POST)."""
    if not saml_request:
        raise errors.saml_missing()
    try:
        data = base64.b64decode(saml_request, validate=False)
        root = etree.fromstring(_inflate(data) if deflated else data, SAFE_PARSER)
    except (binascii.Error, zlib.error, etree.XMLSyntaxError) as exc:
        raise errors.saml_malformed(str(exc) or "it cannot be read") from exc
    if root.getroottree().docinfo.doctype or root.tag != f"{{{PROTOCOL}}}AuthnRequest":
        raise errors.saml_malformed("it is not a SAML 2.0 AuthnRequest")
    request_id, issuer = root.get("ID", ""), root.findtext(f"{{{ASSERTION}}}Issuer", "").strip()
    if not request_id or not issuer:
        raise errors.saml_malformed("it has no ID or no Issuer")
    if request_id[0].isdigit():
        raise errors.saml_bad_id(request_id)
    policy = root.find(f"{{{PROTOCOL}}}NameIDPolicy")
    policy = {} if policy is None else policy.attrib
    subject = root.find(f"{{{ASSERTION}}}Subject") is not None
    acs_url = root.get("AssertionConsumerServiceURL", "")
    return AuthnRequest(
        request_id, issuer, acs_url, policy.get("Format", ""), policy.get("SPNameQualifier", ""), subject
    )


def instant(seconds: float) -> str:
    moment = datetime.datetime.fromtimestamp(seconds, datetime.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def saml_id() -> str:
    return f"_{uuid.uuid4()}"  # Entra's IDs: an underscore and a GUID, never starting with a digit


def _placeholder() -> etree._Element:
    """Where signxml puts the signature: right after Issuer, as the schema orders it."""
    return etree.Element(f"{{{DSIG}}}Signature", Id="placeholder", nsmap={"ds": DSIG})


def _sign(root: etree._Element, element_id: str, keys: SigningKeys) -> etree._Element:
    signer = XMLSigner(**SIGNER_SETTINGS)
    # A loaded key object, not PEM: signxml would parse the PEM again at every signature (~25x slower).
    return signer.sign(root, key=keys.private_key, cert=[keys.certificate], reference_uri=f"#{element_id}")


def federation_metadata(tenant_id: str, keys: SigningKeys) -> bytes:
    """The IdP half of Entra's federationmetadata.xml (signed, as Entra's is)."""
    md, ds = ElementMaker(namespace=METADATA, nsmap={None: METADATA}), ElementMaker(namespace=DSIG, nsmap={None: DSIG})
    certificate = ds.KeyInfo(ds.X509Data(ds.X509Certificate(keys.certificate_b64)))
    sso = url(SAML_SSO, tenant_id)
    entity_id = saml_id()
    root = md.EntityDescriptor(
        _placeholder(),
        md.IDPSSODescriptor(
            md.KeyDescriptor(certificate, use="signing"),
            md.SingleLogoutService(Binding=REDIRECT_BINDING, Location=sso),
            md.SingleSignOnService(Binding=REDIRECT_BINDING, Location=sso),
            md.SingleSignOnService(Binding=POST_BINDING, Location=sso),
            protocolSupportEnumeration=PROTOCOL,
        ),
        ID=entity_id,
        entityID=saml_entity_id(tenant_id),
    )
    return etree.tostring(_sign(root, entity_id, keys), xml_declaration=True, encoding="utf-8")


def _attributes(saml, account: Account, mfa: bool) -> etree._Element:
    user, tid = account.user, account.tenant.azure_tenant_id
    given, _, surname = user.name.partition(" ")
    methods = ["http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password"]
    methods += ["http://schemas.microsoft.com/claims/multipleauthn"] if mfa else []
    values = {
        f"{MS_CLAIMS}/tenantid": [tid],
        f"{MS_CLAIMS}/objectidentifier": [user.azure_object_id],
        f"{MS_CLAIMS}/displayname": [user.name],
        f"{MS_CLAIMS}/identityprovider": [saml_entity_id(tid)],
        "http://schemas.microsoft.com/claims/authnmethodsreferences": methods,
        f"{CLAIMS}/givenname": [given],
        f"{CLAIMS}/surname": [surname],
        f"{CLAIMS}/emailaddress": [user.email],
        f"{CLAIMS}/name": [user.upn],
    }
    return saml.AttributeStatement(
        *(saml.Attribute(*(saml.AttributeValue(v) for v in vs), Name=name) for name, vs in values.items())
    )


def name_id(saml, account: Account, request: SamlRequest) -> etree._Element:
    """The NameID in the format asked for (Entra's SAML protocol page): e-mail address: the UPN;
    persistent and unspecified: a pairwise identifier, stable for this user and this SP;
    transient: a value new at every sign-in."""
    formats, user = NAME_ID_FORMATS, account.user
    if request.name_id_format == formats["email"]:
        value, name_format = user.upn, formats["email"]
    elif request.name_id_format == formats["transient"]:
        value, name_format = base64.b64encode(secrets.token_bytes(32)).decode(), formats["transient"]
    else:
        digest = hashlib.sha256(f"{user.azure_object_id}|{request.sp.entity_id}".encode()).digest()
        value, name_format = base64.b64encode(digest).decode(), formats["persistent"]
    qualifier = {"SPNameQualifier": request.sp_name_qualifier} if request.sp_name_qualifier else {}
    return saml.NameID(value, Format=name_format, **qualifier)


def _assertion(saml, account: Account, request: SamlRequest, mfa: bool) -> etree._Element:
    """The assertion, with a signature placeholder when the SP's signing option signs it."""
    now, tid, sp, request_id = (
        account.tenant.clock.now(),
        account.tenant.azure_tenant_id,
        request.sp,
        request.request_id,
    )
    confirmation = saml.SubjectConfirmationData(
        InResponseTo=request_id, NotOnOrAfter=instant(now + SUBJECT_TTL), Recipient=sp.acs_url
    )
    context = "urn:oasis:names:tc:SAML:2.0:ac:classes:Password"
    return saml.Assertion(
        saml.Issuer(saml_entity_id(tid)),
        *([_placeholder()] if sp.signing in {"assertion", "both"} else []),
        saml.Subject(
            name_id(saml, account, request),
            saml.SubjectConfirmation(confirmation, Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"),
        ),
        saml.Conditions(
            saml.AudienceRestriction(saml.Audience(sp.entity_id)),
            NotBefore=instant(now - CLOCK_SKEW),
            NotOnOrAfter=instant(now + ASSERTION_TTL),
        ),
        _attributes(saml, account, mfa),
        saml.AuthnStatement(
            saml.AuthnContext(saml.AuthnContextClassRef(context)), AuthnInstant=instant(now), SessionIndex=saml_id()
        ),
        ID=saml_id(),
        IssueInstant=instant(now),
        Version="2.0",
    )


def saml_error(tenant_id: str, sp: SamlServiceProvider, request_id: str, error: errors.AzureError, now: float) -> str:
    """A refusal as Entra posts one to the SP (its SAML protocol page's sample): status Requester /
    RequestUnsupported and the AADSTS message, no assertion."""
    samlp = ElementMaker(namespace=PROTOCOL, nsmap={"samlp": PROTOCOL})
    saml = ElementMaker(namespace=ASSERTION, nsmap={None: ASSERTION})
    status = samlp.Status(
        samlp.StatusCode(samlp.StatusCode(Value=f"{STATUS}RequestUnsupported"), Value=f"{STATUS}Requester"),
        samlp.StatusMessage(str(error)),
    )
    root = samlp.Response(
        saml.Issuer(saml_entity_id(tenant_id)), status, ID=saml_id(), Version="2.0", IssueInstant=instant(now),
        Destination=sp.acs_url, InResponseTo=request_id,
    )  # fmt: skip
    return base64.b64encode(etree.tostring(root)).decode()


def saml_response(keys: SigningKeys, account: Account, request: SamlRequest, mfa: bool) -> str:
    """The base64 SAMLResponse for the SP's ACS URL: Success, the assertion signed (Entra's default
    signing option); with `sp.signing` "response" or "both", the Response is signed as well."""
    samlp = ElementMaker(namespace=PROTOCOL, nsmap={"samlp": PROTOCOL})
    saml = ElementMaker(namespace=ASSERTION, nsmap={None: ASSERTION})
    now, sp, request_id = account.tenant.clock.now(), request.sp, request.request_id
    assertion = _assertion(saml, account, request, mfa)
    response_id = saml_id()
    root = samlp.Response(
        saml.Issuer(saml_entity_id(account.tenant.azure_tenant_id)),
        samlp.Status(samlp.StatusCode(Value=f"{STATUS}Success")),
        assertion,
        ID=response_id,
        Version="2.0",
        IssueInstant=instant(now),
        Destination=sp.acs_url,
        InResponseTo=request_id,
    )
    if sp.signing in {"assertion", "both"}:
        root = _sign(root, assertion.get("ID"), keys)
    if sp.signing in {"response", "both"}:
        root.insert(1, _placeholder())
        root = _sign(root, response_id, keys)
    return base64.b64encode(etree.tostring(root)).decode()
