"""Fixtures for running unmodified mattermostdriver 7.3.2 against `skypebridge sandbox`.

The sandbox binary is started once per test session (lazily, on first use) with
`sandbox --json`; its first stdout line is parsed for the Mattermost emulator's URLs and
seeded accounts. SKYPEBRIDGE_BIN overrides the binary path (default: .build/debug/skypebridge
relative to the repository root); SKYPEBRIDGE_SANDBOX_LOG names a file for the sandbox's stderr.
"""

import asyncio
import atexit
import json
import os
import subprocess
import threading
import time
import urllib.parse
import urllib.request
import uuid

from mattermostdriver import Driver
from mattermostdriver.websocket import Websocket

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
_sandbox = {}
_lock = threading.Lock()


def sandbox():
    """The running sandbox's Mattermost service info (urls, accounts, settings)."""
    with _lock:
        if "info" not in _sandbox:
            binary = os.environ.get("SKYPEBRIDGE_BIN", os.path.join(REPO_ROOT, ".build", "debug", "skypebridge"))
            log = open(os.environ.get("SKYPEBRIDGE_SANDBOX_LOG", os.devnull), "w")
            process = subprocess.Popen([binary, "sandbox", "--json"], stdout=subprocess.PIPE, stderr=log, text=True)
            line = process.stdout.readline()
            if not line:
                process.kill()
                raise RuntimeError(f"{binary} sandbox --json printed nothing")
            services = json.loads(line)
            _sandbox["process"] = process
            _sandbox["info"] = services["mattermost"]
            atexit.register(_stop)
        return _sandbox["info"]


def _stop():
    process = _sandbox.get("process")
    if process and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def origin():
    """(host, port) of the emulator."""
    parsed = urllib.parse.urlparse(sandbox()["urls"]["base"])
    return parsed.hostname, parsed.port


def account(username, role):
    """The secret of a seeded account: role is bot, person (password) or personal-access-token."""
    for item in sandbox()["accounts"]:
        if item["username"] == username and item["role"] == role:
            return item["secret"]
    raise KeyError(f"no {role} account {username}")


def team_name():
    return sandbox()["settings"]["team"]


def driver(**credentials):
    """A logged-in mattermostdriver Driver; pass token=... or login_id=/password=."""
    host, port = origin()
    options = {"url": host, "port": port, "scheme": "http", "timeout": 5, "keepalive_delay": 0.5}
    options.update(credentials)
    client = Driver(options)
    client.login()
    return client


def bot():
    return driver(token=account("bridge-bot", "bot"))


def person(username):
    return driver(login_id=username, password=account(username, "person"))


def unique(prefix="c"):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def control(method, path, body=None):
    """Calls the sandbox control API; returns (status, parsed JSON)."""
    url = sandbox()["urls"]["control"] + path
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def raw(method, path, token=None, body=None, headers=None, data=None):
    """A raw request (for headers and error ids the driver hides): (status, headers, body bytes).

    body is sent as JSON; data as raw bytes with the caller's Content-Type header."""
    url = sandbox()["urls"]["base"] + path
    all_headers = dict(headers or {})
    if token:
        all_headers["Authorization"] = f"Bearer {token}"
    if body is not None:
        data = json.dumps(body).encode()
        all_headers.setdefault("Content-Type", "application/json")
    request = urllib.request.Request(url, data=data, method=method, headers=all_headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def channel_with(members, type_="O"):
    """A fresh channel of the seeded team with the given member usernames (first = creator)."""
    status, channel = control("POST", "/channels", {"name": unique(), "display_name": "Test", "type": type_, "members": members})
    assert status == 201, channel
    return channel


class EventCollector:
    """Runs mattermostdriver's own Websocket client in a background thread and records frames."""

    def __init__(self, client, keepalive=False):
        self.client = client
        self.frames = []
        self.condition = threading.Condition()
        options = dict(client.options)
        options["keepalive"] = keepalive
        self.websocket = Websocket(options, client.client.token)
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        async def handler(message):
            with self.condition:
                self.frames.append(json.loads(message))
                self.condition.notify_all()

        asyncio.run(self.websocket.connect(handler))

    def events(self, name=None):
        with self.condition:
            return [frame for frame in self.frames if "event" in frame and (name is None or frame["event"] == name)]

    def wait_for(self, predicate, timeout=5.0):
        """The first frame matching predicate, waiting up to timeout seconds."""
        deadline = time.monotonic() + timeout
        with self.condition:
            while True:
                for frame in self.frames:
                    if predicate(frame):
                        return frame
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"no matching frame in {len(self.frames)} frames: {self.frames[-5:]}")
                self.condition.wait(remaining)

    def wait_event(self, name, timeout=5.0, **data):
        """The first event `name` whose data has the given (decoded where JSON strings) values."""

        def matches(frame):
            if frame.get("event") != name:
                return False
            for key, expected in data.items():
                value = frame["data"].get(key)
                if callable(expected):
                    if not expected(value):
                        return False
                elif value != expected:
                    return False
            return True

        return self.wait_for(matches, timeout)

    def hellos(self):
        return self.events("hello")

    def close(self):
        self.websocket.disconnect()
