import json
from base64 import b64decode, b64encode


def load(path, key=None):
    with open(path) as fh:
        data = json.load(fh)
    if key and "enc" in data:
        data["enc"] = b64decode(data["enc"])
    return data


def dump(data, path):
    if isinstance(data.get("enc"), bytes):
        data = dict(data, enc=b64encode(data["enc"]).decode())
    with open(path, "w") as fh:
        json.dump(data, fh, indent=2)
