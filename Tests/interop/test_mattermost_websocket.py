"""§12 scenario 14 and §7 details the driver cannot express: actions, timeouts, resume.

These use the `websockets` library mattermostdriver itself depends on, speaking the frames
the driver and the web app send.
"""

import contextlib
import json
import time

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from mattermost_helpers import account, channel_with, control, person, sandbox


def url(query=""):
    return sandbox()["urls"]["websocket"] + query


def receive(socket, timeout=5):
    return json.loads(socket.recv(timeout=timeout))


@contextlib.contextmanager
def authenticated(query="", header=True):
    """A bot socket: token on the upgrade, or (header=False) the authentication_challenge."""
    token = account("bridge-bot", "bot")
    headers = {"Authorization": f"Bearer {token}"} if header else {}
    with connect(url(query), additional_headers=headers) as socket:
        if not header:
            socket.send(json.dumps({"seq": 1, "action": "authentication_challenge", "data": {"token": token}}))
        yield socket


def test_token_on_the_upgrade_gets_hello_and_a_later_challenge_is_ignored():
    with authenticated() as socket:
        hello = receive(socket)
        assert hello["event"] == "hello" and hello["seq"] == 0
        socket.send(json.dumps({"seq": 1, "action": "authentication_challenge", "data": {"token": account("bridge-bot", "bot")}}))
        socket.send(json.dumps({"seq": 2, "action": "ping"}))
        reply = receive(socket)
        assert reply["seq_reply"] == 2


def test_ping_action_gets_pong():
    with authenticated(header=False) as socket:
        assert receive(socket)["event"] == "hello"
        assert receive(socket) == {"status": "OK", "seq_reply": 1}
        socket.send(json.dumps({"seq": 2, "action": "ping"}))
        reply = receive(socket)
        assert reply["status"] == "OK" and reply["seq_reply"] == 2
        assert reply["data"]["text"] == "pong"
        assert reply["data"]["server_time"] > 0
        socket.pong(b"unsolicited")
        assert socket.ping().wait(timeout=5)


def test_bad_seq_and_unknown_action_fail():
    with authenticated() as socket:
        receive(socket)
        socket.send(json.dumps({"seq": 0, "action": "ping"}))
        assert receive(socket)["error"]["id"] == "api.web_socket_router.bad_seq.app_error"
        socket.send(json.dumps({"seq": 3, "action": "dance"}))
        failure = receive(socket)
        assert failure["status"] == "FAIL" and failure["error"]["id"] == "api.web_socket_router.bad_action.app_error"


def test_bad_challenge_token_closes_the_socket():
    with connect(url()) as socket:
        socket.send(json.dumps({"seq": 1, "action": "authentication_challenge", "data": {"token": "wrong"}}))
        with pytest.raises(ConnectionClosed):
            receive(socket)


def test_idle_unauthenticated_socket_is_closed_after_five_seconds():
    started = time.monotonic()
    with connect(url()) as socket:
        with pytest.raises(ConnectionClosed):
            receive(socket, timeout=10)
    assert 4 <= time.monotonic() - started < 9


def test_typing_reaches_the_other_members_only():
    channel = channel_with(["bridge-bot", "mia"])
    with authenticated() as socket:
        receive(socket)
        mia_token = person("mia").client.token
        with connect(url(), additional_headers={"Authorization": f"Bearer {mia_token}"}) as mia_socket:
            receive(mia_socket)
            mia_socket.send(json.dumps({"seq": 1, "action": "user_typing", "data": {"channel_id": channel["id"], "parent_id": ""}}))
            assert receive(mia_socket) == {"status": "OK", "seq_reply": 1}
            typing = receive(socket)
            mia_id = person("mia").users.get_user("me")["id"]
            assert typing["event"] == "typing" and typing["data"]["user_id"] == mia_id
            assert typing["broadcast"]["omit_users"] == {mia_id: True}


def test_resume_replays_missed_events_without_hello():
    channel = channel_with(["bridge-bot", "mia"])
    mia = person("mia")
    with authenticated() as socket:
        hello = receive(socket)
        connection_id = hello["data"]["connection_id"]
        mia.posts.create_post({"channel_id": channel["id"], "message": "seen"})
        seen = receive(socket)
        assert seen["seq"] == 1
    time.sleep(0.2)
    missed = mia.posts.create_post({"channel_id": channel["id"], "message": "missed"})
    with authenticated(f"?connection_id={connection_id}&sequence_number=2") as socket:
        replayed = receive(socket)
        assert replayed["event"] == "posted" and replayed["seq"] == 2
        assert json.loads(replayed["data"]["post"])["id"] == missed["id"]


def test_resume_after_the_buffer_is_lost_gets_a_new_hello():
    with authenticated() as socket:
        hello = receive(socket)
    time.sleep(0.2)
    assert control("POST", "/faults/lose-resume-buffer")[0] == 200
    with authenticated(f"?connection_id={hello['data']['connection_id']}&sequence_number=1") as socket:
        fresh = receive(socket)
        assert fresh["event"] == "hello" and fresh["seq"] == 0
        assert fresh["data"]["connection_id"] != hello["data"]["connection_id"]


def test_malformed_resume_parameters_close_the_socket():
    with authenticated("?connection_id=bad&sequence_number=1") as socket:
        with pytest.raises(ConnectionClosed):
            receive(socket)
