import gettext
import os


def format(seconds, lang="en"):
    t = gettext.translation("timeago", os.path.join(os.path.dirname(__file__), "locale"), [lang], fallback=True)
    if seconds < 10:
        return t.gettext("just now")
    return t.gettext("%d seconds ago") % seconds
