import os
import subprocess

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))


class BuildWithLib(build_py):
    def run(self):
        subprocess.check_call(["sh", os.path.join(HERE, "scripts", "build_lib.sh")], cwd=HERE)
        super().run()


setup(name="lz4frame-native", version="4.3.2", packages=["lz4frame"], cmdclass={"build_py": BuildWithLib})
