"""§12 scenario 15: incoming webhooks through mattermostdriver's call_webhook."""

import json
import urllib.parse

import pytest

from mattermost_helpers import bot, channel_with, control, raw


@pytest.fixture(scope="module")
def client():
    return bot()


@pytest.fixture()
def hook():
    channel = channel_with(["mia", "bridge-bot"])
    status, body = control("POST", "/hooks", {"channel_id": channel["id"], "username": "mia", "display_name": "Relay"})
    assert status == 201, body
    return body


def history(channel_id):
    status, posts = control("GET", f"/channels/{channel_id}/posts")
    assert status == 200
    return [post for post in posts if post["type"] == ""]


def test_call_webhook_posts_with_overrides(client, hook):
    response = client.webhooks.call_webhook(hook["id"], {"text": "from outside", "username": "alice (skype)", "icon_url": "http://x/a.png"})
    assert response.status_code == 200 and response.text == "ok"
    assert response.headers["Content-Type"] == "text/plain"
    post = history(hook["channel_id"])[-1]
    assert post["message"] == "from outside"
    assert post["props"]["from_webhook"] == "true"
    assert post["props"]["override_username"] == "alice (skype)"
    assert post["props"]["override_icon_url"] == "http://x/a.png"


def test_webhook_to_another_channel_by_name(client, hook):
    other = channel_with(["mia"])
    client.webhooks.call_webhook(hook["id"], {"text": "elsewhere", "channel": other["name"]})
    assert history(other["id"])[-1]["message"] == "elsewhere"


def test_missing_text_and_unknown_hook_are_400(hook):
    assert raw("POST", f"/hooks/{hook['id']}", body={"username": "x"})[0] == 400
    status, _, body = raw("POST", "/hooks/ybndrfg8ejkmcpqxot1uwisza3", body={"text": "x"})
    assert status == 400 and json.loads(body)["id"] == "web.incoming_webhook.invalid.app_error"


def test_form_encoded_payload_works(hook):
    form = urllib.parse.urlencode({"payload": json.dumps({"text": "form text"})}).encode()
    status, _, body = raw("POST", f"/hooks/{hook['id']}", headers={"Content-Type": "application/x-www-form-urlencoded"}, data=form)
    assert (status, body) == (200, b"ok")
    assert history(hook["channel_id"])[-1]["message"] == "form text"
