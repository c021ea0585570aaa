import os
import shutil
import subprocess

from setuptools import build_meta as _st
from setuptools.build_meta import *  # noqa: F401,F403

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _cmake():
    build = os.path.join(ROOT, "build", "cmake")
    os.makedirs(build, exist_ok=True)
    cmake = shutil.which("cmake") or "cmake"
    subprocess.check_call([cmake, "-S", ROOT, "-B", build, "-DCMAKE_BUILD_TYPE=Release"])
    subprocess.check_call([cmake, "--build", build, "--parallel", str(os.cpu_count() or 2)])


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    _cmake()
    return _st.build_wheel(wheel_directory, config_settings, metadata_directory)
