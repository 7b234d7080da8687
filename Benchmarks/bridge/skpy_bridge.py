"""The Python peer of `skypebridge bridge run`: a Skype ⇄ Mattermost relay in the style of the
original skypebridge (seed 000), built on unmodified skpy 0.11 and mattermostdriver 7.3.2.

skpy's event loop polls Skype and posts each new message to the mapped Mattermost channel;
mattermostdriver's websocket delivers Mattermost posts, which go back to Skype as
`[ sender ] message`. No outbox, no dedupe, no backfill — just the relay, as the original did.

Usage: skpy_bridge.py INFO_JSON MAPPING_JSON
  INFO_JSON     the first line `skypebridge sandbox --json` printed (service URLs and accounts)
  MAPPING_JSON  {"8:alice": "<mattermost channel id>", ...}
"""

import asyncio
import json
import sys
import threading
import urllib.parse

from mattermostdriver import Driver
from skpy import SkypeConnection, SkypeEventLoop, SkypeNewMessageEvent


def secret(service, role):
    return next(a for a in service["accounts"] if a["role"] == role)


def redirect_skpy(urls):
    SkypeConnection.API_LOGIN = urls["login"]
    SkypeConnection.API_MSACC = urls["msacc"]
    SkypeConnection.API_EDGE = urls["edge"]
    SkypeConnection.API_USER = urls["api"]
    SkypeConnection.API_PROFILE = urls["profile"]
    SkypeConnection.API_CONTACTS = urls["contacts"]
    SkypeConnection.API_MSGSHOST = urls["messaging"]


class SkypeToMattermost(SkypeEventLoop):
    def __init__(self, user, password, mattermost, mapping):
        super().__init__(user, password, autoAck=True)
        self.mattermost = mattermost
        self.mapping = mapping

    def onEvent(self, event):
        if not isinstance(event, SkypeNewMessageEvent):
            return
        message = event.msg
        if message.userId == self.userId:
            return
        channel = self.mapping.get(message.chatId)
        if channel:
            self.mattermost.posts.create_post({"channel_id": channel, "message": "**{}**: {}".format(message.userId, message.content)})


def main():
    info = json.loads(open(sys.argv[1]).read())
    mapping = json.loads(open(sys.argv[2]).read())
    reverse = {channel: chat for chat, channel in mapping.items()}
    redirect_skpy(info["skype"]["urls"])
    base = urllib.parse.urlparse(info["mattermost"]["urls"]["base"])
    mattermost = Driver({"url": base.hostname, "port": base.port, "scheme": "http",
                         "token": secret(info["mattermost"], "bot")["secret"]})
    mattermost.login()
    bot_id = mattermost.users.get_user("me")["id"]
    bridge = secret(info["skype"], "bridge")
    skype = SkypeToMattermost(bridge["username"], bridge["secret"], mattermost, mapping)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    threading.Thread(target=skype.loop, daemon=True).start()

    async def on_event(raw):
        event = json.loads(raw)
        if event.get("event") != "posted":
            return
        post = json.loads(event["data"]["post"])
        chat = reverse.get(post["channel_id"])
        if post["user_id"] == bot_id or chat is None or post.get("type"):
            return
        sender = event["data"].get("sender_name", "").lstrip("@")
        skype.chats[chat].sendMsg("[ {} ] {}".format(sender, post["message"]))

    mattermost.init_websocket(on_event)


if __name__ == "__main__":
    main()
