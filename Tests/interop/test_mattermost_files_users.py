"""§12 scenarios 10 and 11: file upload/download and user lookups."""

import base64

import pytest
from mattermostdriver.exceptions import ContentTooLarge, InvalidOrMissingParameters, ResourceNotFound

from mattermost_helpers import bot, channel_with, person

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==")


@pytest.fixture(scope="module")
def client():
    return bot()


def test_upload_attach_and_download(client):
    channel = channel_with(["bridge-bot", "mia"])
    uploaded = client.files.upload_file(channel["id"], {"files": ("a.png", PNG, "image/png")})
    info = uploaded["file_infos"][0]
    assert info["name"] == "a.png" and info["size"] == len(PNG) and info["mime_type"] == "image/png"
    assert info["width"] == 1 and info["height"] == 1
    post = client.posts.create_post({"channel_id": channel["id"], "message": "a picture", "file_ids": [info["id"]]})
    assert post["file_ids"] == [info["id"]]
    assert post["metadata"]["files"][0]["id"] == info["id"]
    metadata = person("mia").files.get_file_metadata(info["id"])
    assert metadata["post_id"] == post["id"]
    download = person("mia").files.get_file(info["id"])
    assert download.content == PNG
    assert download.headers["Content-Type"] == "image/png"
    assert client.files.get_file_thumbnail(info["id"]).content == PNG


def test_text_file_has_no_thumbnail(client):
    channel = channel_with(["bridge-bot"])
    info = client.files.upload_file(channel["id"], {"files": ("notes.txt", b"hello", "text/plain")})["file_infos"][0]
    assert client.files.get_file(info["id"]).content == b"hello"
    with pytest.raises(InvalidOrMissingParameters):
        client.files.get_file_thumbnail(info["id"])


def test_upload_without_channel_is_400(client):
    with pytest.raises(InvalidOrMissingParameters):
        client.files.upload_file("", {"files": ("x.txt", b"x", "text/plain")})


def test_oversize_upload_is_content_too_large(client):
    channel = channel_with(["bridge-bot"])
    with pytest.raises(ContentTooLarge):
        client.files.upload_file(channel["id"], {"files": ("big.bin", b"\0" * (100 * 1024 * 1024 + 1), "application/octet-stream")})


def test_file_of_unknown_id_is_404(client):
    with pytest.raises(ResourceNotFound):
        client.files.get_file_metadata("ybndrfg8ejkmcpqxot1uwisza3")


def test_user_lookups(client):
    mia = client.users.get_user_by_username("mia")
    assert mia["first_name"] == "Mia" and mia["nickname"] == "Mia"
    assert "password" not in mia
    assert client.users.get_user(mia["id"])["username"] == "mia"
    found = client.users.get_users_by_ids([mia["id"], "ybndrfg8ejkmcpqxot1uwisza3"])
    assert [user["username"] for user in found] == ["mia"]
    assert [user["username"] for user in client.users.search_users({"term": "ma"})] == ["max"]
    image = client.users.get_user_profile_image(mia["id"])
    assert image.headers["Content-Type"] == "image/png" and image.content.startswith(b"\x89PNG")
    with pytest.raises(ResourceNotFound):
        client.users.get_user_by_username("nobody")
    with pytest.raises(ResourceNotFound):
        client.users.get_user("ybndrfg8ejkmcpqxot1uwisza3")
