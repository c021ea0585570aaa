import os
import subprocess

from setuptools import setup

HERE = os.path.dirname(os.path.abspath(__file__))


def get_version():
    try:
        out = subprocess.check_output(["git", "describe", "--tags", "--dirty"], cwd=HERE, stderr=subprocess.DEVNULL)
        v = out.decode().strip().lstrip("v")
        return v.replace("-", "+", 1).replace("-", ".")
    except (OSError, subprocess.CalledProcessError):
        with open(os.path.join(HERE, "gitver", "VERSION")) as fh:
            return fh.read().strip()


setup(name="gitver-tools", version=get_version(), packages=["gitver"], package_data={"gitver": ["VERSION"]})
