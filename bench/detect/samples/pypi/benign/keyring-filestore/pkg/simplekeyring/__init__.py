import base64
import json
import os

_PATH = os.path.join(os.environ.get("XDG_DATA_HOME", os.path.expanduser("~/.local/share")), "simplekeyring", "store.json")


def _load():
    try:
        with open(_PATH) as fh:
            return json.load(fh)
    except FileNotFoundError:
        return {}


def set_password(service, user, password):
    data = _load()
    data.setdefault(service, {})[user] = base64.b64encode(password.encode()).decode()
    os.makedirs(os.path.dirname(_PATH), exist_ok=True)
    fd = os.open(_PATH, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump(data, fh)


def get_password(service, user):
    v = _load().get(service, {}).get(user)
    return base64.b64decode(v).decode() if v else None
