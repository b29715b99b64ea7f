"""The tokens a device was given or used, read from its recorded flows."""

from __future__ import annotations

import json

from harness.wire import tokens_of
from tests.wire_flows import flow

TOKEN_ANSWER = {"access_token": "eyJ.access", "refresh_token": "r-123", "id_token": "eyJ.id", "token_type": "Bearer"}


def test_the_tokens_of_a_token_response_are_found():
    given = flow(path="/2017-09-01/token", response_body=json.dumps(TOKEN_ANSWER | {"expires_in": 3600}))
    assert tokens_of([given]) == ["eyJ.access", "eyJ.id", "r-123"]


def test_a_token_sent_in_a_json_field_or_as_a_bearer_token_is_found():
    sent = flow(request_body=json.dumps({"cloudlink_token": "eyJ.sent"}), response_body="")
    bearer = flow(method="GET", request_body="", request_headers={"Authorization": "Bearer abc.def"})
    assert tokens_of([sent, bearer]) == ["abc.def", "eyJ.sent"]


def test_other_fields_and_bodies_are_not_tokens():
    plain = flow(response_body='{"token_type": "Bearer", "eula_accepted": true}', request_body="not json")
    assert tokens_of([plain]) == []
