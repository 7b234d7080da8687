"""Scenarios 1-4 of protocol doc §11: SOAP and Live login, token files, expiry renewal."""

import os
import time

import pytest
from skpy import Skype, SkypeConnection
from skpy.core import SkypeApiException, SkypeAuthException, SkypeTokenException

from skype_helpers import skype_sandbox  # noqa: F401  (fixture)


def test_soap_login_connects_and_reports_the_user(skype_sandbox):
    name = skype_sandbox.new_user("fred")
    sk = skype_sandbox.connect(name + "@example.com")
    assert sk.conn.connected
    assert sk.userId == name
    assert sk.conn.msgsHost == skype_sandbox.urls["messaging"]
    assert sk.user.name.first == "Fred"


def test_soap_login_with_a_wrong_password_raises_the_fault_text(skype_sandbox):
    name = skype_sandbox.new_user("fred")
    with pytest.raises(SkypeAuthException) as error:
        skype_sandbox.connect(name + "@example.com", password="wrong")
    assert "FailedAuthentication" in error.value.args[0]


def test_live_login_connects_with_a_skype_name(skype_sandbox):
    name = skype_sandbox.new_user("joe")
    sk = skype_sandbox.connect(name)
    assert sk.conn.connected
    assert sk.userId == name


def test_live_login_with_a_wrong_password_reports_the_page_error(skype_sandbox):
    name = skype_sandbox.new_user("joe")
    with pytest.raises(SkypeApiException) as error:
        skype_sandbox.connect(name, password="wrong")
    assert "password is incorrect" in error.value.args[0]


def test_token_file_is_written_and_reused_without_requests(skype_sandbox, tmp_path):
    name = skype_sandbox.new_user("tok")
    path = str(tmp_path / "tokens")
    first = skype_sandbox.connect(name, token_file=path)
    lines = open(path).read().split("\n")
    assert len(lines) == 7 and lines[6] == ""
    assert lines[0] == name
    assert lines[3].startswith("registrationToken=")
    assert lines[5] == skype_sandbox.urls["messaging"]
    assert oct(os.stat(path).st_mode & 0o777) == "0o600"
    # Point every service at a closed port: reading the file must not need any of them.
    for attr in ("API_LOGIN", "API_MSACC", "API_EDGE", "API_USER", "API_CONTACTS", "API_MSGSHOST"):
        setattr(SkypeConnection, attr, "http://127.0.0.1:9")
    second = Skype(tokenFile=path)
    assert second.conn.connected
    assert second.conn.tokens["skype"] == first.conn.tokens["skype"]
    # The messaging host comes from the file, so chats work with the registration token it holds.
    assert isinstance(second.chats.recent(), dict)


def test_expired_registration_in_token_file_registers_again(skype_sandbox, tmp_path):
    name = skype_sandbox.new_user("tok")
    path = str(tmp_path / "tokens")
    skype_sandbox.connect(name, token_file=path)
    lines = open(path).read().split("\n")
    lines[4] = str(int(time.time()) - 10)
    open(path, "w").write("\n".join(lines))
    skype_sandbox.redirect_skpy()
    sk = Skype(tokenFile=path)
    sk.chats.recent()
    rewritten = open(path).read().split("\n")
    assert rewritten[1] == lines[1]
    assert rewritten[3] != lines[3]
    state = skype_sandbox.control("GET", "/state")
    assert [u["endpoints"] for u in state["users"] if u["username"] == name] == [2]


def test_expired_skype_token_without_credentials_raises_token_exception(skype_sandbox, tmp_path):
    name = skype_sandbox.new_user("tok")
    path = str(tmp_path / "tokens")
    skype_sandbox.settings(skypeTokenLifetime=2)
    try:
        skype_sandbox.connect(name, token_file=path)
    finally:
        skype_sandbox.settings(skypeTokenLifetime=86400)
    sk = Skype(tokenFile=path)
    time.sleep(2.5)
    with pytest.raises(SkypeTokenException):
        sk.contacts.sync()


def test_short_lifetimes_make_skpy_log_in_and_register_again(skype_sandbox):
    name = skype_sandbox.new_user("exp")
    skype_sandbox.settings(skypeTokenLifetime=2, registrationTokenLifetime=2)
    try:
        sk = skype_sandbox.connect(name)
        old = dict(sk.conn.tokens)
        time.sleep(2.5)
        skype_sandbox.settings(skypeTokenLifetime=86400, registrationTokenLifetime=86400)
        # A Skype-token call notices the expiry first: skpy logs in again and registers anew.
        sk.contacts.sync()
        sk.chats.recent()
        assert sk.conn.tokens["skype"] != old["skype"]
        assert sk.conn.tokens["reg"] != old["reg"]
        assert sk.conn.connected
    finally:
        skype_sandbox.settings(skypeTokenLifetime=86400, registrationTokenLifetime=86400)
