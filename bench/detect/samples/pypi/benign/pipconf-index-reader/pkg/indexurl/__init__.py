import configparser
import netrc
import os
import urllib.parse

CONFIG_FILES = ("/etc/pip.conf", "~/.config/pip/pip.conf", "~/.pip/pip.conf")


def index_url():
    if os.environ.get("PIP_INDEX_URL"):
        return os.environ["PIP_INDEX_URL"]
    cfg = configparser.ConfigParser()
    cfg.read([os.path.expanduser(p) for p in CONFIG_FILES])
    return cfg.get("global", "index-url", fallback=None)


def credentials_for(url):
    host = urllib.parse.urlparse(url).hostname
    try:
        auth = netrc.netrc().authenticators(host)
    except (FileNotFoundError, netrc.NetrcParseError):
        return None
    return (auth[0], auth[2]) if auth else None
