"""setuptools backend that writes ledgerlite/_version.py from `git describe` before building."""
import os
import subprocess

from setuptools import build_meta as _b
from setuptools.build_meta import *  # noqa: F401,F403


def _write_version():
    try:
        v = subprocess.run(["git", "describe", "--tags", "--dirty"], capture_output=True, text=True,
                           check=True).stdout.strip().lstrip("v")
    except (OSError, subprocess.CalledProcessError):
        v = os.environ.get("LEDGERLITE_VERSION", "0.0.0")
    with open(os.path.join("ledgerlite", "_version.py"), "w") as fh:
        fh.write(f"__version__ = {v!r}\n")


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    _write_version()
    return _b.build_wheel(wheel_directory, config_settings, metadata_directory)


def build_sdist(sdist_directory, config_settings=None):
    _write_version()
    return _b.build_sdist(sdist_directory, config_settings)
