"""Scenario 12 of protocol doc §11: contact requests (accept, reject) and blocking."""

from skype_helpers import skype_sandbox  # noqa: F401  (fixture)


def test_accepted_request_makes_an_authorised_contact(skype_sandbox):
    alice = skype_sandbox.connect(skype_sandbox.new_user("alice"))
    carol = skype_sandbox.connect(skype_sandbox.new_user("carol"))
    carol.contacts.user(alice.userId).invite("Hi Alice, add me")
    requests = alice.contacts.requests()
    assert [r.userId for r in requests] == [carol.userId]
    assert requests[0].greeting == "Hi Alice, add me"
    requests[0].accept()
    assert alice.contacts.requests() == []
    alice.contacts.sync()
    assert alice.contacts[carol.userId].authorised is True
    carol.contacts.sync()
    # carol's cache already holds alice as a plain SkypeUser (from .user()), so check the id list.
    assert alice.userId in carol.contacts.contactIds


def test_rejected_request_disappears_without_a_contact(skype_sandbox):
    alice = skype_sandbox.connect(skype_sandbox.new_user("alice"))
    dave = skype_sandbox.new_user("dave")
    skype_sandbox.control("POST", "/invites", {"from": dave, "to": alice.userId, "message": "hello"})
    [request] = alice.contacts.requests()
    request.reject()
    assert alice.contacts.requests() == []
    alice.contacts.sync()
    assert dave not in [c.id for c in alice.contacts]


def test_blocked_user_is_listed_and_cannot_request(skype_sandbox):
    alice = skype_sandbox.connect(skype_sandbox.new_user("alice"))
    eve = skype_sandbox.connect(skype_sandbox.new_user("eve"))
    alice.contacts.user(eve.userId).block()
    alice.contacts.sync()
    # skpy keeps the blocklist MRIs as sent (with the 8: prefix).
    assert "8:" + eve.userId in alice.contacts.blocked.userIds
    eve.contacts.user(alice.userId).invite("let me in")
    assert alice.contacts.requests() == []
    alice.contacts.user(eve.userId).unblock()
    alice.contacts.sync()
    assert "8:" + eve.userId not in alice.contacts.blocked.userIds


def test_seeded_pending_invite_is_listed_for_the_bridge(skype_sandbox):
    bridge = skype_sandbox.connect("bridge.bot", password="bridge-pass")
    assert "carol" in [r.userId for r in bridge.contacts.requests()]
