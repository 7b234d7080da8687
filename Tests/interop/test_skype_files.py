"""Scenarios 13-14 of protocol doc §11: uploading and downloading images and files (ASM)."""

import io

from skpy.event import SkypeNewMessageEvent
from skpy.msg import SkypeFileMsg, SkypeImageMsg

from skype_helpers import events_until, pair, skype_sandbox  # noqa: F401  (fixtures)

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def test_image_upload_is_stored_and_downloadable_by_the_peer(pair):
    sandbox, alice, bob = pair
    alice.contacts[bob.userId].chat.sendFile(io.BytesIO(PNG), "a.png", image=True)
    stored = sandbox.stored_messages(alice.userId, "8:" + bob.userId)[-1]
    assert stored["messagetype"] == "RichText/UriObject"
    assert "https://api.asm.skype.com/v1/objects/0-weu-d1-" in stored["content"]
    event = events_until(bob, lambda e: isinstance(e, SkypeNewMessageEvent))
    assert isinstance(event.msg, SkypeImageMsg)
    sandbox.mount_asm(bob)
    assert event.msg.fileContent == PNG


def test_file_upload_keeps_name_and_size_and_is_downloadable(pair):
    sandbox, alice, bob = pair
    data = b"hello file\n" * 100
    alice.contacts[bob.userId].chat.sendFile(io.BytesIO(data), "notes.txt", image=False)
    event = events_until(bob, lambda e: isinstance(e, SkypeNewMessageEvent))
    assert isinstance(event.msg, SkypeFileMsg)
    assert event.msg.file.name == "notes.txt"
    assert int(event.msg.file.size) == len(data)
    assert event.msg.fileContent == data


def test_outsider_cannot_download(pair):
    sandbox, alice, bob = pair
    alice.contacts[bob.userId].chat.sendFile(io.BytesIO(b"secret"), "s.txt")
    uri = sandbox.stored_messages(alice.userId, "8:" + bob.userId)[-1]["content"].split('uri="')[1].split('"')[0]
    outsider = sandbox.connect(sandbox.new_user("mallory"))
    local = uri.replace("https://api.asm.skype.com", sandbox.urls["asm"]) + "/views/original"
    resp = outsider.conn.sess.get(local, headers={"Authorization": "skype_token " + outsider.conn.tokens["skype"]})
    assert resp.status_code == 403
    cookie = bob.conn.sess.get(local, cookies={"skypetoken_asm": bob.conn.tokens["skype"]})
    assert cookie.content == b"secret"
