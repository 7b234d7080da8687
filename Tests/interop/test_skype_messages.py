"""Scenarios 5-9 of protocol doc §11: text, rich text, edit/delete, typing, events."""

import time

from skpy import SkypeMsg, SkypeUtils
from skpy.event import (SkypeEditMessageEvent, SkypeNewMessageEvent, SkypePresenceEvent, SkypeTypingEvent)

from skype_helpers import events_until, pair, skype_sandbox  # noqa: F401  (fixtures)


def chat_with(sk, other):
    return sk.contacts[other].chat


def test_sent_text_gets_a_server_id_and_reaches_both_sides(pair):
    sandbox, alice, bob = pair
    msg = chat_with(alice, bob.userId).sendMsg("Word")
    assert msg.id.isdigit()
    assert msg.time is not None
    event = events_until(bob, lambda e: isinstance(e, SkypeNewMessageEvent))
    assert event.msg.content == "Word"
    assert event.msg.userId == alice.userId
    assert event.msg.chatId == "8:" + alice.userId
    assert event.msg.id == msg.id
    echo = events_until(alice, lambda e: isinstance(e, SkypeNewMessageEvent))
    assert echo.msg.userId == alice.userId
    history = chat_with(alice, bob.userId).getMsgs()
    assert [m.content for m in history] == ["Word"]


def test_rich_text_keeps_markup_and_mentions(pair):
    sandbox, alice, bob = pair
    bob_user = alice.contacts[bob.userId]
    content = "{} {} <ss type=\"smile\">:)</ss>".format(SkypeMsg.bold("Hello"), SkypeMsg.mention(bob_user))
    chat_with(alice, bob.userId).sendMsg(content, rich=True)
    stored = sandbox.stored_messages(alice.userId, "8:" + bob.userId)
    assert stored[-1]["content"] == content
    assert stored[-1]["Has-Mentions"] == "true"
    event = events_until(bob, lambda e: isinstance(e, SkypeNewMessageEvent))
    assert event.msg.type == "RichText"
    assert event.msg.plain == "Hello @{} :)".format(bob.userId)
    assert event.msg.markup == "*Hello* @{} :)".format(bob.userId)


def test_quote_round_trips(pair):
    sandbox, alice, bob = pair
    chat = chat_with(alice, bob.userId)
    original = chat.sendMsg("first")
    quote = SkypeMsg.quote(alice.user, chat, original.time, "first")
    chat.sendMsg(quote + "reply", rich=True)
    event = events_until(bob, lambda e: isinstance(e, SkypeNewMessageEvent) and "reply" in e.msg.content)
    assert "<quote" in event.msg.content


def test_edit_and_delete_reach_the_peer_and_history(pair):
    sandbox, alice, bob = pair
    msg = chat_with(alice, bob.userId).sendMsg("draft")
    events_until(bob, lambda e: isinstance(e, SkypeNewMessageEvent))
    msg.edit("final")
    edit = events_until(bob, lambda e: isinstance(e, SkypeEditMessageEvent))
    assert edit.msg.content == "final"
    assert edit.msg.id == msg.id
    history = chat_with(bob, alice.userId).getMsgs()
    assert [m.content for m in history] == ["final"]
    msg.delete()
    deleted = events_until(bob, lambda e: isinstance(e, SkypeEditMessageEvent) and not e.msg.content)
    assert deleted.msg.deleted
    stored = sandbox.stored_messages(bob.userId, "8:" + alice.userId)
    assert stored[-1]["content"] == ""
    assert "deletetime" in stored[-1]["properties"]


def test_typing_reaches_only_the_peer(pair):
    sandbox, alice, bob = pair
    chat = chat_with(alice, bob.userId)
    chat.sendMsg("hi")
    events_until(alice, lambda e: isinstance(e, SkypeNewMessageEvent))
    events_until(bob, lambda e: isinstance(e, SkypeNewMessageEvent))
    chat.setTyping(True)
    typing = events_until(bob, lambda e: isinstance(e, SkypeTypingEvent))
    assert typing.active is True
    assert typing.userId == alice.userId
    assert [e for e in alice.getEvents() if isinstance(e, SkypeTypingEvent)] == []
    chat.setTyping(False)
    cleared = events_until(bob, lambda e: isinstance(e, SkypeTypingEvent))
    assert cleared.active is False


def test_poll_times_out_with_an_empty_list(skype_sandbox):
    sk = skype_sandbox.connect(skype_sandbox.new_user("quiet"))
    sk.getEvents()
    started = time.monotonic()
    assert sk.getEvents() == []
    assert 1.5 <= time.monotonic() - started < 10


def test_presence_follows_subscribe_presence(pair):
    sandbox, alice, bob = pair
    bob.subscribePresence()
    first = events_until(bob, lambda e: isinstance(e, SkypePresenceEvent))
    assert first.userId == alice.userId
    alice.setPresence(SkypeUtils.Status.Busy)
    busy = events_until(bob, lambda e: isinstance(e, SkypePresenceEvent) and e.status == SkypeUtils.Status.Busy)
    assert busy.userId == alice.userId


def test_lost_subscription_makes_skpy_subscribe_again(pair):
    sandbox, alice, bob = pair
    bob.getEvents()
    sandbox.fault(kind="subscriptionLost", pathContains="/poll", count=1)
    chat_with(alice, bob.userId).sendMsg("after the loss")
    event = events_until(bob, lambda e: isinstance(e, SkypeNewMessageEvent))
    assert event.msg.content == "after the loss"


def test_twice_lost_subscription_makes_skpy_register_a_new_endpoint(pair):
    sandbox, alice, bob = pair
    bob.getEvents()
    old_reg = bob.conn.tokens["reg"]
    sandbox.fault(kind="subscriptionLost", pathContains="/poll", count=2)
    bob.getEvents()
    assert bob.conn.tokens["reg"] != old_reg
    chat_with(alice, bob.userId).sendMsg("to the new endpoint")
    event = events_until(bob, lambda e: isinstance(e, SkypeNewMessageEvent))
    assert event.msg.content == "to the new endpoint"
