"""Scenarios 10-11 of protocol doc §11: listing and paging chats and messages; group chats."""

from skpy import SkypeGroupChat, SkypeSingleChat
from skpy.msg import SkypeAddMemberMsg, SkypeRemoveMemberMsg, SkypeTopicPropertyMsg

from skype_helpers import events_until, pair, skype_sandbox  # noqa: F401  (fixtures)


def test_recent_pages_through_every_chat_and_tells_groups_apart(skype_sandbox):
    me = skype_sandbox.new_user("busy")
    partners = [skype_sandbox.new_user("p") for _ in range(30)]
    for partner in partners:
        skype_sandbox.control("POST", "/messages", {"from": partner, "to": me, "content": "hello from " + partner})
    groups = [skype_sandbox.control("POST", "/threads", {"creator": partners[0], "members": [me], "topic": "T%d" % i})["id"]
              for i in range(2)]
    sk = skype_sandbox.connect(me)
    seen = {}
    pages = 0
    while True:
        page = sk.chats.recent()
        if not page:
            break
        pages += 1
        seen.update(page)
    assert pages >= 2
    assert set(seen) == {"8:" + p for p in partners} | set(groups)
    assert all(isinstance(seen["8:" + p], SkypeSingleChat) for p in partners)
    assert all(isinstance(seen[g], SkypeGroupChat) for g in groups)
    assert seen[groups[1]].topic == "T1"


def test_get_msgs_pages_to_the_end_newest_first(pair):
    sandbox, alice, bob = pair
    for i in range(70):
        sandbox.control("POST", "/messages", {"from": bob.userId, "to": alice.userId, "content": "m%d" % i})
    chat = alice.contacts[bob.userId].chat
    contents = []
    while True:
        batch = chat.getMsgs()
        if not batch:
            break
        contents.extend(m.content for m in batch)
    assert contents == ["m%d" % i for i in reversed(range(70))]


def test_group_lifecycle_is_visible_to_members(pair):
    sandbox, alice, bob = pair
    carol = sandbox.new_user("carol")
    group = alice.chats.create([bob.userId], admins=[])
    assert isinstance(group, SkypeGroupChat)
    assert set(group.userIds) == {alice.userId, bob.userId}
    assert group.adminIds == [alice.userId]
    group.setTopic("Plans")
    group.addMember(carol)
    group.removeMember(carol)
    bob_view = bob.chats[group.id]
    assert bob_view.topic == "Plans"
    kinds = [type(m) for m in bob_view.getMsgs()]
    assert SkypeTopicPropertyMsg in kinds
    assert SkypeAddMemberMsg in kinds
    assert SkypeRemoveMemberMsg in kinds
    topic = events_until(bob, lambda e: getattr(e, "msg", None) is not None and isinstance(e.msg, SkypeTopicPropertyMsg))
    assert topic.msg.topic == "Plans"
    assert topic.msg.userId == alice.userId
    bob_view.leave()
    assert bob.userId not in alice.chats.chat(group.id).userIds
