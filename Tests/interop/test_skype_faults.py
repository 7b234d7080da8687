"""Scenario 15 of protocol doc §11 and the other injected faults of the control API."""

import time

import pytest
import requests
from skpy.core import SkypeApiException, SkypeRateLimitException

from skype_helpers import pair, skype_sandbox  # noqa: F401  (fixtures)


def test_rate_limit_raises_skype_rate_limit_exception(pair):
    sandbox, alice, bob = pair
    sandbox.fault(kind="rateLimit", pathContains="/messages", method="POST", retryAfter=7)
    chat = alice.contacts[bob.userId].chat
    with pytest.raises(SkypeRateLimitException) as error:
        chat.sendMsg("too fast")
    assert error.value.args[1].headers["Retry-After"] == "7"
    assert chat.sendMsg("later").id.isdigit()


def test_server_error_raises_api_exception_once(pair):
    sandbox, alice, bob = pair
    sandbox.fault(kind="status", pathContains="/users/ME/conversations", method="GET", status=503)
    with pytest.raises(SkypeApiException) as error:
        alice.chats.recent()
    assert error.value.args[1].status_code == 503
    alice.chats.recent()


def test_delay_holds_the_request(pair):
    sandbox, alice, bob = pair
    sandbox.fault(kind="delay", pathContains="/messages", method="POST", delayMilliseconds=800)
    started = time.monotonic()
    alice.contacts[bob.userId].chat.sendMsg("slow")
    assert time.monotonic() - started >= 0.8


def test_dropped_connection_surfaces_as_a_connection_error(pair):
    sandbox, alice, bob = pair
    sandbox.fault(kind="drop", pathContains="/messages", method="POST")
    with pytest.raises(requests.exceptions.RequestException):
        alice.contacts[bob.userId].chat.sendMsg("lost")
