"""The single-use, expiring record store every mock shares: each rule once, on its own clock."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from mocks.clock import Clock
from mocks.single_use import ExpiredRecord, Policy, SingleUse, UnknownRecord, UsedRecord


@dataclass
class Code:
    clock: Clock
    client: str = "app"


def store(ttl: float | None = 60.0, burns: bool = False) -> SingleUse[Code]:
    return SingleUse(Policy(ttl, failed_use_burns=burns), now_of=lambda code: code.clock.now())


def wrong_client(code: Code) -> None:
    raise ValueError(f"issued to {code.client}")


def test_a_record_is_used_once_then_told_apart_from_an_unknown_one():
    codes, code = store(), Code(Clock())
    token = codes.issue(code)
    assert codes.use(token) is code
    with pytest.raises(UsedRecord):
        codes.use(token)
    with pytest.raises(UnknownRecord):
        codes.use("no-such-token")


def test_a_record_expires_on_its_own_clock_only():
    codes, mine, other = store(ttl=60), Code(Clock()), Code(Clock())
    expiring, lasting = codes.issue(mine), codes.issue(other)
    mine.clock.advance(61)
    with pytest.raises(ExpiredRecord):
        codes.use(expiring)
    assert codes.use(lasting) is other


def test_a_ttl_given_at_issue_overrides_the_policy_and_none_never_expires():
    codes, code = store(ttl=None), Code(Clock())
    short, forever = codes.issue(code, ttl=5), codes.issue(code)
    code.clock.advance(10 * 365 * 86400)
    with pytest.raises(ExpiredRecord):
        codes.peek(short)
    assert codes.peek(forever) is code


def test_peek_leaves_the_record_usable():
    codes, code = store(), Code(Clock())
    token = codes.issue(code)
    assert codes.peek(token) is codes.use(token)


@pytest.mark.parametrize(("burns", "usable_after_refusal"), [(False, True), (True, False)])
def test_the_policy_says_whether_a_refused_use_burns_the_record(burns, usable_after_refusal):
    codes, code = store(burns=burns), Code(Clock())
    token = codes.issue(code)
    with pytest.raises(ValueError, match="issued to app"):
        codes.use(token, wrong_client)
    if usable_after_refusal:
        assert codes.use(token) is code
    else:
        with pytest.raises(UsedRecord):
            codes.use(token)


def test_a_given_token_is_kept_and_every_record_is_listed_for_masking():
    codes, code = store(), Code(Clock())
    assert codes.issue(code, token="chosen") == "chosen"
    assert codes.values() == [code]
    assert codes.tokens() == ["chosen"]


def test_outstanding_records_are_those_neither_used_nor_expired():
    codes, late = store(ttl=60), Code(Clock())
    used, waiting = codes.issue(Code(Clock())), codes.issue(Code(Clock()))
    codes.issue(late)
    codes.use(used)
    late.clock.advance(61)
    assert [(token, expires is not None) for token, _, expires in codes.outstanding()] == [(waiting, True)]


def test_a_reset_renews_the_records_kept_and_forgets_the_others():
    codes, kept, issued_since = store(ttl=None), Code(Clock()), Code(Clock(), client="other")
    first, second = codes.issue(kept), codes.issue(issued_since)
    codes.use(first)
    assert codes.forget(lambda code: code.client == "other") == 1
    codes.renew()
    assert codes.use(first) is kept
    with pytest.raises(UnknownRecord):
        codes.use(second)
