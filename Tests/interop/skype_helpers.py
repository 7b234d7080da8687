"""Shared helpers for the skpy 0.11 interop suite (test_skype_*.py).

The sandbox is the real binary: ``$SKYPEBRIDGE_BIN`` or ``.build/debug/skypebridge``, run as
``skypebridge sandbox --json``. skpy is used unmodified: only ``SkypeConnection.API_*`` class
attributes are redirected, plus a URL-rewriting requests adapter for the hard-coded ASM host
(protocol doc §1.3). Each test creates its own users through the control API, so tests do not
see each other's state.
"""

import json
import os
import pathlib
import signal
import subprocess
import uuid

import pytest
import requests
from requests.adapters import HTTPAdapter
from skpy import Skype, SkypeConnection

REPO = pathlib.Path(__file__).resolve().parents[2]
ASM_HOST = "https://api.asm.skype.com"


class RewritingAdapter(HTTPAdapter):
    """Sends requests for one URL prefix to another (the emulator's ASM base)."""

    def __init__(self, prefix, target):
        super().__init__()
        self.prefix = prefix
        self.target = target

    def send(self, request, **kwargs):
        if request.url.startswith(self.prefix):
            request.url = self.target + request.url[len(self.prefix):]
        return super().send(request, **kwargs)


class SkypeSandbox:
    """The running emulator: its URLs, a control client, and skpy factories."""

    def __init__(self, info):
        self.info = info
        self.urls = info["urls"]
        self.control_url = self.urls["control"]

    # Control API -----------------------------------------------------------------------------

    def control(self, method, path, body=None):
        resp = requests.request(method, self.control_url + path, json=body, timeout=10)
        assert resp.status_code < 300, (resp.status_code, resp.text)
        return resp.json()

    def new_user(self, prefix="user", password="pw-secret"):
        """Creates a fresh account and returns its Skype name; its password is ``password``."""
        name = "{}.{}".format(prefix, uuid.uuid4().hex[:8])
        self.control("POST", "/users", {"username": name, "password": password,
                                         "firstName": prefix.capitalize(), "lastName": "Test"})
        return name

    def make_contacts(self, a, b):
        self.control("POST", "/contacts", {"a": a, "b": b})

    def settings(self, **values):
        return self.control("PUT", "/settings", values)

    def fault(self, **description):
        self.control("POST", "/faults", description)

    def stored_messages(self, user, conversation):
        return self.control("GET", "/messages?user={}&conversation={}".format(user, conversation))["messages"]

    # skpy ------------------------------------------------------------------------------------

    def redirect_skpy(self):
        """Points skpy's class-level service URLs at the emulator."""
        SkypeConnection.API_LOGIN = self.urls["login"]
        SkypeConnection.API_MSACC = self.urls["msacc"]
        SkypeConnection.API_EDGE = self.urls["edge"]
        SkypeConnection.API_USER = self.urls["api"]
        SkypeConnection.API_PROFILE = self.urls["profile"]
        SkypeConnection.API_CONTACTS = self.urls["contacts"]
        SkypeConnection.API_MSGSHOST = self.urls["messaging"]

    def mount_asm(self, sk):
        sk.conn.sess.mount(ASM_HOST, RewritingAdapter(ASM_HOST, self.urls["asm"]))

    def connect(self, user, password="pw-secret", token_file=None):
        """A logged-in skpy client (SOAP login when ``user`` contains ``@``, Live otherwise)."""
        self.redirect_skpy()
        sk = Skype(user, password, tokenFile=token_file)
        self.mount_asm(sk)
        return sk


def start_sandbox():
    binary = os.environ.get("SKYPEBRIDGE_BIN", str(REPO / ".build" / "debug" / "skypebridge"))
    if not os.path.exists(binary):
        pytest.exit("skypebridge binary not found at {} (run `swift build` or set SKYPEBRIDGE_BIN)".format(binary))
    proc = subprocess.Popen([binary, "sandbox", "--json"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    if not line:
        proc.kill()
        pytest.exit("skypebridge sandbox printed nothing")
    return proc, json.loads(line)


@pytest.fixture(scope="session")
def skype_sandbox():
    """The Skype emulator of one `skypebridge sandbox --json` process for the whole session."""
    proc, infos = start_sandbox()
    sandbox = SkypeSandbox(infos["skype"])
    sandbox.settings(pollTimeout=2)
    try:
        yield sandbox
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
def pair(skype_sandbox):
    """Two fresh mutual contacts, both logged in with skpy: (sandbox, alice, bob)."""
    a = skype_sandbox.new_user("alice")
    b = skype_sandbox.new_user("bob")
    skype_sandbox.make_contacts(a, b)
    return skype_sandbox, skype_sandbox.connect(a), skype_sandbox.connect(b)


def events_until(sk, predicate, polls=5):
    """Polls ``sk`` until an event matches ``predicate``; returns it, or None."""
    for _ in range(polls):
        for event in sk.getEvents():
            if predicate(event):
                return event
    return None
