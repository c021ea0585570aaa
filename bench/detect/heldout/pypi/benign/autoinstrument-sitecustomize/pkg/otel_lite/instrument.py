import functools
import time
import urllib.request

SPANS = []


def install(service):
    orig = urllib.request.urlopen

    @functools.wraps(orig)
    def traced(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return orig(*args, **kwargs)
        finally:
            SPANS.append({"service": service, "name": "urlopen", "ms": (time.perf_counter() - t0) * 1000})

    urllib.request.urlopen = traced
