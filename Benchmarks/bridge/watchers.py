"""Receivers for the relay benchmark: who sees a `bench-<tag>-<n>` marker arrive, and when.

SkypeWatcher is a skpy 0.11 event loop logged in as a Skype person; MattermostWatcher is
mattermostdriver 7.3.2's websocket logged in as a Mattermost person. Both run on their own
thread and record the perf_counter time of every marker they see.
"""

import asyncio
import collections
import json
import re
import threading
import time
import urllib.parse

from mattermostdriver import Driver
from mattermostdriver.websocket import Websocket
from skpy import SkypeEventLoop, SkypeNewMessageEvent
from skpy_bridge import redirect_skpy

MARKER = re.compile(r"bench-([a-z-]+?)-(\d+)")


class Arrivals:
    def __init__(self):
        self.times = collections.defaultdict(lambda: collections.defaultdict(list))
        self.order = collections.defaultdict(list)
        self.condition = threading.Condition()

    def record(self, text):
        now = time.perf_counter()
        with self.condition:
            for tag, index in MARKER.findall(text or ""):
                self.times[tag][int(index)].append(now)
                self.order[tag].append(int(index))
            self.condition.notify_all()

    def received(self, tag, index):
        with self.condition:
            return index in self.times[tag]

    def arrivals(self, tag):
        with self.condition:
            return {index: list(times) for index, times in self.times[tag].items()}

    def first_arrivals(self, tag):
        with self.condition:
            return {index: times[0] for index, times in self.times[tag].items()}

    def out_of_order(self, tag, senders=1):
        """Arrivals that came after a later message of the same sender (sender = index % senders)."""
        with self.condition:
            highest, count = collections.defaultdict(lambda: -1), 0
            for index in self.order[tag]:
                lane = index % senders
                if index < highest[lane]:
                    count += 1
                highest[lane] = max(highest[lane], index)
            return count

    def wait_for(self, tag, count, timeout):
        deadline = time.monotonic() + timeout
        with self.condition:
            while len(self.times[tag]) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self.condition.wait(remaining)
            return True


class SkypeWatcher(Arrivals):
    def __init__(self, service, user, password):
        super().__init__()
        redirect_skpy(service["urls"])
        watcher = self

        class Loop(SkypeEventLoop):
            def onEvent(self, event):
                if isinstance(event, SkypeNewMessageEvent):
                    watcher.record(event.msg.content)

        self.loop = Loop(user, password, autoAck=True)
        self.loop.getEvents()
        threading.Thread(target=self.loop.loop, daemon=True).start()


class MattermostWatcher(Arrivals):
    def __init__(self, service, token):
        super().__init__()
        base = urllib.parse.urlparse(service["urls"]["base"])
        options = {"url": base.hostname, "port": base.port, "scheme": "http", "token": token,
                   "timeout": 10, "keepalive": True, "keepalive_delay": 5}
        driver = Driver(options)
        driver.login()
        self.websocket = Websocket(driver.options, driver.client.token)
        self.ready = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()
        if not self.ready.wait(10):
            raise SystemExit("benchmark: the Mattermost websocket did not say hello")

    def _run(self):
        async def handler(raw):
            event = json.loads(raw)
            if event.get("event") == "hello":
                self.ready.set()
            elif event.get("event") == "posted":
                self.record(json.loads(event["data"]["post"]).get("message"))

        asyncio.run(self.websocket.connect(handler))
