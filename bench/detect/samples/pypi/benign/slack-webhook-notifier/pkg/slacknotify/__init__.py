import json
import os
import socket
import urllib.request


def notify(text, webhook=None, with_host=False):
    url = webhook or os.environ.get("SLACK_WEBHOOK_URL")
    if not url:
        raise RuntimeError("set SLACK_WEBHOOK_URL or pass webhook=")
    if with_host:
        text = f"[{socket.gethostname()}] {text}"
    req = urllib.request.Request(url, data=json.dumps({"text": text}).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.status
