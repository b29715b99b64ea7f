"""CloudLink's forged answers: the harness's control to prove that a client refuses a mismatch."""

from __future__ import annotations

import httpx
import pytest

from mocks.cloudlink import Federation, cloudlink_app
from mocks.cloudlink.app import CloudLinkApp
from mocks.cloudlink.directory import CloudLinkError, s256
from mocks.netutil import HttpServerThread
from mocks.signing import SigningKey
from tests.mocks.test_cloudlink import USER, VERIFIER, directory_with


def signed_in(directory):
    """A transaction of USER's, signed in on the Unified login page."""
    transaction = directory.begin("app", "app://cb", "state-1", s256(VERIFIER), "n1", USER.email, "openid")
    transaction.user = directory.find(USER.email)
    return transaction


def test_without_a_forgery_the_answer_is_the_sign_ins_own():
    directory, _ = directory_with()
    answer = directory.answer(signed_in(directory))
    assert answer["state"] == "state-1"
    assert directory.redeem_code(answer["code"], "app", VERIFIER, "app://cb").nonce == "n1"


def test_a_forged_state_comes_with_the_sign_ins_own_code():
    directory, _ = directory_with()
    forgery = directory.forge_next_answer(USER.email.upper(), "state")
    answer = directory.answer(signed_in(directory))
    assert answer["state"] != "state-1"
    assert answer == forgery.sent
    directory.redeem_code(answer["code"], "app", VERIFIER, "app://cb")  # a client that ignores state gets in
    assert forgery.presented == 1


def test_an_answer_with_no_state_goes_back_without_one():
    directory, _ = directory_with()
    directory.forge_next_answer(USER.email, "no_state")
    transaction = signed_in(directory)
    answer = directory.answer(transaction)
    assert answer["state"] == ""
    redirect = CloudLinkApp.redirect_to_client(transaction, **answer).headers["location"]
    assert "state=" not in redirect
    assert f"code={answer['code']}" in redirect


def test_another_sign_ins_code_is_bound_to_a_challenge_this_client_never_made():
    directory, _ = directory_with()
    forgery = directory.forge_next_answer(USER.email, "code")
    answer = directory.answer(signed_in(directory))
    assert answer["state"] != "state-1"
    with pytest.raises(CloudLinkError, match="code_verifier does not match"):
        directory.redeem_code(answer["code"], "app", VERIFIER, "app://cb")
    assert forgery.presented == 1


def test_a_forgery_answers_one_sign_in_only():
    directory, _ = directory_with()
    directory.forge_next_answer(USER.email, "state")
    directory.answer(signed_in(directory))
    assert directory.answer(signed_in(directory))["state"] == "state-1"


def test_an_unknown_kind_of_forgery_is_refused():
    directory, _ = directory_with()
    with pytest.raises(ValueError, match="one of"):
        directory.forge_next_answer(USER.email, "nonce")


def test_the_inspection_api_forges_and_lists():
    directory, _ = directory_with()
    server = HttpServerThread(cloudlink_app(directory, SigningKey("test"), Federation(lambda _: ""), {}), "cl").start()
    try:
        with httpx.Client(base_url=server.url) as http:
            made = http.put("/_mock/forgeries", json={"email": USER.email, "kind": "code"})
            refused = http.put("/_mock/forgeries", json={"email": USER.email, "kind": "nonce"})
            listed = http.get("/_mock/forgeries").json()
    finally:
        server.stop()
    assert made.status_code == 201
    assert refused.status_code == 400
    assert listed == [{"email": USER.email.lower(), "kind": "code", "sent": {}, "presented": 0}]
