import platform
import sys

from . import USER_CONFIG_DIR
from .downloads import safe_run


def check_python(minimum="3.8.0"):
    return tuple(map(int, platform.python_version_tuple()[:2])) >= tuple(map(int, minimum.split(".")[:2]))


def check_environment():
    USER_CONFIG_DIR.mkdir(parents=True, exist_ok=True)
    if sys.platform.startswith("linux"):
        safe_run(USER_CONFIG_DIR)
