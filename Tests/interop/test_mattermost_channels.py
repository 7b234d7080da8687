"""§12 scenarios 2, 3, 5 and 6: team/channel lookup, the channel name rules, membership, DMs."""

import json

import pytest
from mattermostdriver.exceptions import InvalidOrMissingParameters, NotEnoughPermissions, ResourceNotFound

from mattermost_helpers import account, bot, channel_with, person, raw, team_name, unique


@pytest.fixture(scope="module")
def client():
    return bot()


@pytest.fixture(scope="module")
def team(client):
    return client.teams.get_team_by_name(team_name())


def test_lookups_by_name(client, team):
    channel = client.channels.get_channel_by_name(team["id"], "town-square")
    assert channel["name"] == "town-square"
    same = client.channels.get_channel_by_name_and_team_name(team_name(), "off-topic")
    assert same["team_id"] == team["id"]
    mine = client.channels.get_channels_for_user(client.client.userid, team["id"])
    assert {"town-square", "off-topic"} <= {item["name"] for item in mine}


def test_unknown_names_are_not_found(client, team):
    with pytest.raises(ResourceNotFound):
        client.teams.get_team_by_name("nope")
    with pytest.raises(ResourceNotFound):
        client.channels.get_channel_by_name(team["id"], "nope")
    with pytest.raises(ResourceNotFound):
        client.channels.get_channel_by_name_and_team_name(team_name(), "nope")


@pytest.mark.parametrize("name", ["a", "a-b_c", "x" * 64, "9lives", "trailing-", "a__b"])
def test_valid_channel_names_are_created(client, team, name):
    created = client.channels.create_channel({"team_id": team["id"], "name": name, "display_name": "Valid", "type": "O"})
    assert created["name"] == name
    assert created["type"] == "O"
    assert len(created["id"]) == 26


@pytest.mark.parametrize(
    "name",
    ["Abc", "-abc", "_abc", "a b", "über", "", "a.b", "x" * 65, "ybndrfg8ejkmcpqxot1uwisza3__ybndrfg8ejkmcpqxot1uwisza4", "0123456789abcdef0123456789abcdef01234567"],
)
def test_invalid_channel_names_are_rejected(client, team, name):
    with pytest.raises(InvalidOrMissingParameters):
        client.channels.create_channel({"team_id": team["id"], "name": name, "display_name": "Invalid", "type": "O"})


def test_duplicate_name_gives_the_exists_error(team):
    token = account("bridge-bot", "bot")
    body = {"team_id": team["id"], "name": "off-topic", "display_name": "Again", "type": "O"}
    status, _, raw_body = raw("POST", "/api/v4/channels", token=token, body=body)
    assert status == 400
    assert json.loads(raw_body)["id"] == "store.sql_channel.save_channel.exists.app_error"


@pytest.mark.parametrize(
    "field,value",
    [("display_name", "d" * 65), ("header", "h" * 1025), ("purpose", "p" * 251), ("display_name", ""), ("type", "X")],
)
def test_field_limits_are_400(client, team, field, value):
    body = {"team_id": team["id"], "name": unique(), "display_name": "Ok", "type": "O"}
    body[field] = value
    with pytest.raises(InvalidOrMissingParameters):
        client.channels.create_channel(body)


def test_field_limits_at_the_edge_are_accepted(client, team):
    body = {"team_id": team["id"], "name": unique(), "display_name": "é" * 64, "type": "P", "header": "h" * 1024, "purpose": "p" * 250}
    created = client.channels.create_channel(body)
    assert created["type"] == "P" and created["display_name"] == "é" * 64


def test_add_user_then_post_and_not_member_is_forbidden(client):
    channel = channel_with(["mia"])
    with pytest.raises(NotEnoughPermissions):
        client.posts.create_post({"channel_id": channel["id"], "message": "before joining"})
    member = client.channels.add_user(channel["id"], {"user_id": client.client.userid})
    assert member["user_id"] == client.client.userid and member["channel_id"] == channel["id"]
    again = client.channels.add_user(channel["id"], {"user_id": client.client.userid})
    assert again["user_id"] == client.client.userid
    post = client.posts.create_post({"channel_id": channel["id"], "message": "after joining"})
    assert post["channel_id"] == channel["id"]
    assert client.channels.get_channel_member(channel["id"], client.client.userid)["user_id"] == client.client.userid


def test_private_channel_is_hidden_from_non_members(client):
    channel = channel_with(["mia"], type_="P")
    with pytest.raises(NotEnoughPermissions):
        client.channels.get_channel(channel["id"])
    with pytest.raises(ResourceNotFound):
        client.channels.get_channel_by_name(channel["team_id"], channel["name"])


def test_direct_channel_is_created_once(client):
    mia = person("mia").users.get_user("me")
    first = client.channels.create_direct_message_channel([client.client.userid, mia["id"]])
    second = client.channels.create_direct_message_channel([mia["id"], client.client.userid])
    assert first["id"] == second["id"]
    assert first["type"] == "D" and first["team_id"] == ""
    assert first["name"] == "__".join(sorted([client.client.userid, mia["id"]]))
    mine = client.channels.get_channels_for_user(client.client.userid, client.teams.get_team_by_name(team_name())["id"])
    assert first["id"] in {item["id"] for item in mine}
