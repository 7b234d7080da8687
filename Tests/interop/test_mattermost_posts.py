"""§12 scenarios 7, 9, 12 and 13 (REST side): posting rules, edits, deletes, reactions, backfill."""

import json
import time

import pytest
from mattermostdriver.exceptions import InvalidOrMissingParameters, ResourceNotFound

from mattermost_helpers import account, bot, channel_with, control, person, raw


@pytest.fixture(scope="module")
def client():
    return bot()


@pytest.fixture()
def channel(client):
    return channel_with(["mia", "bridge-bot", "max"])


def test_plain_post_has_the_server_shape(client, channel):
    post = client.posts.create_post({"channel_id": channel["id"], "message": "hello"})
    assert len(post["id"]) == 26
    for key in ["create_at", "update_at", "edit_at", "delete_at", "user_id", "channel_id", "root_id", "message", "type", "props", "file_ids", "pending_post_id", "metadata"]:
        assert key in post
    assert post["props"]["from_bot"] == "true"
    assert post["edit_at"] == 0 and post["delete_at"] == 0


def test_reply_rules(client, channel):
    root = client.posts.create_post({"channel_id": channel["id"], "message": "root"})
    reply = client.posts.create_post({"channel_id": channel["id"], "message": "reply", "root_id": root["id"]})
    assert reply["root_id"] == root["id"]
    with pytest.raises(InvalidOrMissingParameters):
        client.posts.create_post({"channel_id": channel["id"], "message": "reply to reply", "root_id": reply["id"]})
    with pytest.raises(InvalidOrMissingParameters):
        client.posts.create_post({"channel_id": channel["id"], "message": "unknown root", "root_id": "ybndrfg8ejkmcpqxot1uwisza3"})
    thread = client.posts.get_thread(root["id"])
    assert set(thread["order"]) == {root["id"], reply["id"]}
    assert client.posts.get_post(root["id"])["reply_count"] == 1


def test_override_props_are_stored_verbatim(client, channel):
    props = {"from_webhook": "true", "override_username": "alice (skype)", "override_icon_url": "http://x/a.png", "skypebridge_txn": "t1"}
    post = client.posts.create_post({"channel_id": channel["id"], "message": "as alice", "props": props})
    for key, value in props.items():
        assert post["props"][key] == value
    assert post["props"]["from_bot"] == "true"


def test_message_length_limit(client, channel):
    assert client.posts.create_post({"channel_id": channel["id"], "message": "é" * 16383})["message"] == "é" * 16383
    with pytest.raises(InvalidOrMissingParameters):
        client.posts.create_post({"channel_id": channel["id"], "message": "é" * 16384})


def test_eleven_file_ids_are_rejected(client, channel):
    ids = [f"ybndrfg8ejkmcpqxot1uwisz{n:02d}" for n in range(11)]
    with pytest.raises(InvalidOrMissingParameters):
        client.posts.create_post({"channel_id": channel["id"], "message": "files", "file_ids": ids})


def test_pending_post_id_deduplicates_retries(client, channel):
    body = {"channel_id": channel["id"], "message": "once", "pending_post_id": f"{client.client.userid}:{time.time()}"}
    first = client.posts.create_post(body)
    second = client.posts.create_post(body)
    assert first["id"] == second["id"]
    status, history = control("GET", f"/channels/{channel['id']}/posts")
    assert [post["message"] for post in history].count("once") == 1


def test_patch_and_update_set_edit_at(client, channel):
    post = client.posts.create_post({"channel_id": channel["id"], "message": "v1", "props": {"keep": "yes"}})
    patched = client.posts.patch_post(post["id"], {"message": "v2"})
    assert patched["message"] == "v2" and patched["edit_at"] > 0 and patched["props"]["keep"] == "yes"
    updated = client.posts.update_post(post["id"], {"id": post["id"], "message": "v3"})
    assert updated["message"] == "v3" and "keep" not in updated["props"]
    with pytest.raises(InvalidOrMissingParameters):
        client.posts.update_post(post["id"], {"message": "no id"})


def test_delete_then_get_is_404(client, channel):
    post = client.posts.create_post({"channel_id": channel["id"], "message": "doomed"})
    assert client.posts.delete_post(post["id"]) == {"status": "OK"}
    with pytest.raises(ResourceNotFound):
        client.posts.get_post(post["id"])


def test_reactions_round_trip(client, channel):
    post = client.posts.create_post({"channel_id": channel["id"], "message": "react"})
    reaction = client.reactions.create_reaction({"user_id": client.client.userid, "post_id": post["id"], "emoji_name": "thumbsup"})
    assert reaction["emoji_name"] == "thumbsup" and reaction["channel_id"] == channel["id"]
    assert [item["emoji_name"] for item in client.reactions.get_reactions_of_post(post["id"])] == ["thumbsup"]
    assert client.posts.get_post(post["id"])["has_reactions"] is True
    client.reactions.delete_reaction(client.client.userid, post["id"], "thumbsup")
    assert client.reactions.get_reactions_of_post(post["id"]) == []


def test_since_returns_new_edited_and_deleted_posts(client, channel):
    old = client.posts.create_post({"channel_id": channel["id"], "message": "old"})
    edited = client.posts.create_post({"channel_id": channel["id"], "message": "to edit"})
    gone = client.posts.create_post({"channel_id": channel["id"], "message": "to delete"})
    time.sleep(0.01)
    since = int(time.time() * 1000)
    time.sleep(0.01)
    new = person("max").posts.create_post({"channel_id": channel["id"], "message": "new"})
    client.posts.patch_post(edited["id"], {"message": "edited"})
    client.posts.delete_post(gone["id"])
    result = client.posts.get_posts_for_channel(channel["id"], params={"since": since})
    assert set(result["order"]) == {new["id"], edited["id"], gone["id"]}
    assert old["id"] not in result["posts"]
    assert result["posts"][gone["id"]]["delete_at"] > 0
    assert result["posts"][edited["id"]]["message"] == "edited"
    with pytest.raises(InvalidOrMissingParameters):
        client.posts.get_posts_for_channel(channel["id"], params={"since": "yesterday"})


def test_paging_before_and_after(client, channel):
    ids = [client.posts.create_post({"channel_id": channel["id"], "message": f"m{n}"})["id"] for n in range(7)]
    first_page = client.posts.get_posts_for_channel(channel["id"], params={"page": 0, "per_page": 3})
    assert first_page["order"] == ids[::-1][:3]
    second_page = client.posts.get_posts_for_channel(channel["id"], params={"page": 1, "per_page": 3})
    assert second_page["order"] == ids[::-1][3:6]
    before = client.posts.get_posts_for_channel(channel["id"], params={"before": ids[4], "per_page": 2})
    assert before["order"] == [ids[3], ids[2]]
    after = client.posts.get_posts_for_channel(channel["id"], params={"after": ids[2], "per_page": 2})
    assert after["order"] == [ids[4], ids[3]]
    created = [first_page["posts"][pid]["create_at"] for pid in first_page["order"]]
    assert created == sorted(created, reverse=True)


def test_editing_someone_elses_post_is_forbidden(client, channel):
    post = person("max").posts.create_post({"channel_id": channel["id"], "message": "max's"})
    status, _, body = raw("PUT", f"/api/v4/posts/{post['id']}/patch", token=account("bridge-bot", "bot"), body={"message": "hijack"})
    assert status == 403
    assert json.loads(body)["id"] == "api.context.permissions.app_error"
