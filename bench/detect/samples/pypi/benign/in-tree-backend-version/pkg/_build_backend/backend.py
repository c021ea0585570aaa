"""Writes semverlite/_version.py, then defers to setuptools."""
import pathlib

from setuptools import build_meta as _orig
from setuptools.build_meta import *  # noqa: F401,F403

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _write_version():
    import tomllib
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    (ROOT / "semverlite" / "_version.py").write_text(f'__version__ = "{version}"\n')


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    _write_version()
    return _orig.build_wheel(wheel_directory, config_settings, metadata_directory)


def build_sdist(sdist_directory, config_settings=None):
    _write_version()
    return _orig.build_sdist(sdist_directory, config_settings)
