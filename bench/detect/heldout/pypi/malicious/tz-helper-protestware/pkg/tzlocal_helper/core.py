import os


def get_localzone_name():
    tz = os.environ.get("TZ")
    if tz:
        return tz.lstrip(":")
    try:
        link = os.readlink("/etc/localtime")
    except OSError:
        link = ""
    if "zoneinfo/" in link:
        return link.split("zoneinfo/", 1)[1]
    try:
        with open("/etc/timezone") as fh:
            return fh.read().strip()
    except OSError:
        return "UTC"
