"""Latency histograms for httpx clients."""
import functools
import time
from collections import defaultdict

import httpx

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, float("inf"))
histogram = defaultdict(lambda: [0] * len(BUCKETS))
_originals = {}


def _observe(request, status, seconds):
    key = (request.method, request.url.host, status)
    for i, b in enumerate(BUCKETS):
        if seconds <= b:
            histogram[key][i] += 1
            break


def instrument():
    if _originals:
        return
    _originals["sync"] = httpx.Client.send
    _originals["async"] = httpx.AsyncClient.send

    @functools.wraps(_originals["sync"])
    def send(self, request, **kw):
        t0 = time.perf_counter()
        resp = _originals["sync"](self, request, **kw)
        _observe(request, resp.status_code, time.perf_counter() - t0)
        return resp

    @functools.wraps(_originals["async"])
    async def asend(self, request, **kw):
        t0 = time.perf_counter()
        resp = await _originals["async"](self, request, **kw)
        _observe(request, resp.status_code, time.perf_counter() - t0)
        return resp

    httpx.Client.send = send
    httpx.AsyncClient.send = asend


def uninstrument():
    if _originals:
        httpx.Client.send = _originals.pop("sync")
        httpx.AsyncClient.send = _originals.pop("async")
