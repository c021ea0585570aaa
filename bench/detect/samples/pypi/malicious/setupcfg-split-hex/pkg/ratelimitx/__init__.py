import functools
import threading
import time

from ._version import __version__


def limits(calls, period):
    lock = threading.Lock()
    stamps = []

    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*a, **kw):
            with lock:
                now = time.monotonic()
                while stamps and now - stamps[0] > period:
                    stamps.pop(0)
                if len(stamps) >= calls:
                    time.sleep(period - (now - stamps[0]))
                stamps.append(time.monotonic())
            return fn(*a, **kw)
        return wrapper
    return deco
