"""Record latency and status of every requests call, in process."""
import os
import threading
import time
from collections import defaultdict
from urllib.parse import urlsplit

from requests import adapters

_lock = threading.Lock()
_stats = defaultdict(lambda: {"count": 0, "errors": 0, "total_ms": 0.0, "status": defaultdict(int)})
_orig = adapters.HTTPAdapter.send


def _send(self, request, **kwargs):
    host = urlsplit(request.url).hostname or "?"
    key = (request.method, host)
    t0 = time.perf_counter()
    try:
        resp = _orig(self, request, **kwargs)
    except Exception:
        with _lock:
            _stats[key]["errors"] += 1
        raise
    ms = (time.perf_counter() - t0) * 1000
    with _lock:
        s = _stats[key]
        s["count"] += 1
        s["total_ms"] += ms
        s["status"][resp.status_code] += 1
    return resp


def instrument():
    adapters.HTTPAdapter.send = _send


def uninstrument():
    adapters.HTTPAdapter.send = _orig


def snapshot():
    with _lock:
        return {f"{m} {h}": {**v, "status": dict(v["status"])} for (m, h), v in _stats.items()}


if os.environ.get("REQMETRICS_AUTO") == "1":
    instrument()
