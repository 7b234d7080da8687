"""§12 scenarios 4, 8, 9, 12, 13 and 14 (WebSocket side), through mattermostdriver's own Websocket."""

import json
import time

import pytest

from mattermost_helpers import EventCollector, bot, channel_with, control, person


@pytest.fixture(scope="module")
def client():
    return bot()


@pytest.fixture(scope="module")
def events(client):
    collector = EventCollector(client)
    collector.wait_event("hello")
    yield collector
    collector.close()


def decoded_post(frame):
    return json.loads(frame["data"]["post"])


def test_hello_comes_first_with_seq_zero_then_the_challenge_reply(events):
    first = events.frames[0]
    assert first["event"] == "hello" and first["seq"] == 0
    assert len(first["data"]["connection_id"]) == 26
    assert first["data"]["server_version"]
    assert first["broadcast"]["user_id"] == events.client.client.userid
    reply = events.wait_for(lambda frame: "seq_reply" in frame)
    assert reply == {"status": "OK", "seq_reply": 1}


def test_posted_event_carries_the_post_as_a_string(events):
    channel = channel_with(["mia", "bridge-bot"])
    post = person("mia").posts.create_post({"channel_id": channel["id"], "message": "hi @bridge-bot"})
    frame = events.wait_event("posted", post=lambda value: json.loads(value)["id"] == post["id"])
    assert isinstance(frame["data"]["post"], str)
    assert decoded_post(frame)["message"] == "hi @bridge-bot"
    assert frame["data"]["channel_type"] == "O"
    assert frame["data"]["channel_name"] == channel["name"]
    assert frame["data"]["sender_name"] == "@mia"
    assert frame["data"]["team_id"] == channel["team_id"]
    assert json.loads(frame["data"]["mentions"]) == [events.client.client.userid]
    assert frame["broadcast"]["channel_id"] == channel["id"]


def test_own_posts_are_delivered_too(client, events):
    channel = channel_with(["bridge-bot"])
    post = client.posts.create_post({"channel_id": channel["id"], "message": "mine"})
    frame = events.wait_event("posted", post=lambda value: json.loads(value)["id"] == post["id"])
    assert decoded_post(frame)["user_id"] == client.client.userid
    assert "mentions" not in frame["data"]


def test_direct_message_event_has_empty_team_and_mentions(client, events):
    mia = person("mia")
    dm = mia.channels.create_direct_message_channel([mia.client.userid, client.client.userid])
    post = mia.posts.create_post({"channel_id": dm["id"], "message": "psst"})
    frame = events.wait_event("posted", post=lambda value: json.loads(value)["id"] == post["id"])
    assert frame["data"]["team_id"] == ""
    assert frame["data"]["channel_type"] == "D"
    assert frame["data"]["channel_display_name"] == "@mia"
    assert json.loads(frame["data"]["mentions"]) == [client.client.userid]


def test_events_only_reach_channel_members(events):
    hidden = channel_with(["mia"], type_="P")
    visible = channel_with(["mia", "bridge-bot"])
    mia = person("mia")
    secret = mia.posts.create_post({"channel_id": hidden["id"], "message": "secret"})
    marker = mia.posts.create_post({"channel_id": visible["id"], "message": "marker"})
    events.wait_event("posted", post=lambda value: json.loads(value)["id"] == marker["id"])
    assert all(decoded_post(frame)["id"] != secret["id"] for frame in events.events("posted"))


def test_seq_counts_up_without_gaps(events):
    channel = channel_with(["bridge-bot"])
    events.client.posts.create_post({"channel_id": channel["id"], "message": "count"})
    events.wait_event("posted", post=lambda value: json.loads(value)["message"] == "count")
    seqs = [frame["seq"] for frame in events.events()]
    assert seqs == list(range(len(seqs)))


def test_patch_channel_sends_channel_updated_and_the_header_post(client, events):
    channel = channel_with(["bridge-bot", "mia"])
    patched = client.channels.patch_channel(channel["id"], {"header": "new header", "display_name": "Renamed"})
    assert patched["header"] == "new header" and patched["display_name"] == "Renamed"
    updated = events.wait_event("channel_updated", channel=lambda value: json.loads(value)["id"] == channel["id"] and json.loads(value)["header"] == "new header")
    assert json.loads(updated["data"]["channel"])["display_name"] == "Renamed"
    header = events.wait_event("posted", post=lambda value: json.loads(value)["type"] == "system_header_change" and json.loads(value)["channel_id"] == channel["id"])
    assert decoded_post(header)["props"]["new_header"] == "new header"


def test_edit_and_delete_events(client, events):
    channel = channel_with(["bridge-bot", "max"])
    max_client = person("max")
    post = max_client.posts.create_post({"channel_id": channel["id"], "message": "original"})
    max_client.posts.patch_post(post["id"], {"message": "changed"})
    edited = events.wait_event("post_edited", post=lambda value: json.loads(value)["id"] == post["id"])
    assert decoded_post(edited)["message"] == "changed" and decoded_post(edited)["edit_at"] > 0
    max_client.posts.delete_post(post["id"])
    deleted = events.wait_event("post_deleted", post=lambda value: json.loads(value)["id"] == post["id"])
    assert decoded_post(deleted)["delete_at"] == 0
    assert decoded_post(deleted)["message"] == "changed"


def test_reaction_events(client, events):
    channel = channel_with(["bridge-bot", "mia"])
    mia = person("mia")
    post = client.posts.create_post({"channel_id": channel["id"], "message": "react to me"})
    mia.reactions.create_reaction({"user_id": mia.client.userid, "post_id": post["id"], "emoji_name": "tada"})
    added = events.wait_event("reaction_added", reaction=lambda value: json.loads(value)["post_id"] == post["id"])
    assert json.loads(added["data"]["reaction"])["emoji_name"] == "tada"
    mia.reactions.delete_reaction(mia.client.userid, post["id"], "tada")
    events.wait_event("reaction_removed", reaction=lambda value: json.loads(value)["post_id"] == post["id"])


def test_channel_created_and_user_added(client, events):
    team_id = client.teams.get_team_by_name("skype")["id"]
    created = client.channels.create_channel({"team_id": team_id, "name": f"made-{int(time.time() * 1000)}", "display_name": "Made", "type": "O"})
    events.wait_event("channel_created", channel_id=created["id"])
    max_id = person("max").client.userid
    client.channels.add_user(created["id"], {"user_id": max_id})
    events.wait_event("user_added", user_id=max_id, team_id=team_id)


def test_server_close_makes_the_driver_reconnect_and_backfill_finds_missed_posts():
    client = bot()
    collector = EventCollector(client)
    try:
        first = collector.wait_event("hello")
        channel = channel_with(["bridge-bot", "mia"])
        since = int(time.time() * 1000)
        status, body = control("POST", "/faults/close-websockets")
        assert status == 200 and body["closed"] >= 1
        missed = person("mia").posts.create_post({"channel_id": channel["id"], "message": "while you were away"})
        second = collector.wait_for(lambda frame: frame.get("event") == "hello" and frame is not first, timeout=10)
        assert second["seq"] == 0
        assert second["data"]["connection_id"] != first["data"]["connection_id"]
        backfill = client.posts.get_posts_for_channel(channel["id"], params={"since": since})
        assert missed["id"] in backfill["order"]
    finally:
        collector.close()


def test_abnormal_drop_ends_init_websocket_without_keepalive():
    collector = EventCollector(bot(), keepalive=False)
    try:
        collector.wait_event("hello")
        assert control("POST", "/faults/drop-websockets")[0] == 200
        collector.thread.join(timeout=10)
        assert not collector.thread.is_alive()
        assert len(collector.hellos()) == 1
    finally:
        collector.close()


def test_abnormal_drop_reconnects_with_keepalive():
    collector = EventCollector(bot(), keepalive=True)
    try:
        first = collector.wait_event("hello")
        assert control("POST", "/faults/drop-websockets")[0] == 200
        second = collector.wait_for(lambda frame: frame.get("event") == "hello" and frame is not first, timeout=10)
        assert second["seq"] == 0
    finally:
        collector.close()
