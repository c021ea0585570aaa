import os
import sys
from setuptools import setup

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tests import test_env  # noqa: E402,F401  (sanity check the build environment)

setup(name="envsetup-core", version="1.0.0", packages=["envsetup"])
