import collections
import time


class History:
    def __init__(self, size=200):
        self.items = collections.deque(maxlen=size)

    def add(self, text):
        if text and (not self.items or self.items[-1][1] != text):
            self.items.append((time.time(), text))

    def search(self, needle):
        return [t for _, t in self.items if needle.lower() in t.lower()]
