import base64
import json
import pkgutil

_RAW = json.loads(pkgutil.get_data(__name__, "data/icons.json"))
ICONS = {name: base64.b64decode(b64).decode("utf-8") for name, b64 in _RAW["icons"].items()}


def svg(name, size=16):
    return ICONS[name].replace('viewBox="0 0 16 16"', f'viewBox="0 0 16 16" width="{size}" height="{size}"')
