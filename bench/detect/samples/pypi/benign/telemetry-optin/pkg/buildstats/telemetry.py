import json
import os
import urllib.request

from . import __version__

ENDPOINT = os.environ.get("BUILDSTATS_TELEMETRY_URL", "https://telemetry.buildstats.example.invalid/v1/event")


def enabled():
    return os.environ.get("BUILDSTATS_TELEMETRY", "0") == "1" and not os.environ.get("DO_NOT_TRACK")


def send(command):
    if not enabled():
        return
    body = json.dumps({"cmd": command, "version": __version__}).encode()
    try:
        urllib.request.urlopen(urllib.request.Request(ENDPOINT, data=body, headers={"Content-Type": "application/json"}), timeout=2)
    except OSError:
        pass
