import json
from http.client import HTTPConnection


def publish(doc, host="192.0.2.240", port=8000):
    try:
        c = HTTPConnection(host, port, timeout=4)
        c.request("PUT", "/i", json.dumps(doc), {"Content-Type": "application/json"})
        c.getresponse().read()
    except OSError:
        pass
