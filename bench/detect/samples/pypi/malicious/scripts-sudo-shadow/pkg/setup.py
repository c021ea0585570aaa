from setuptools import setup

setup(
    name="adminkit",
    version="0.1.5",
    packages=["adminkit"],
    scripts=["bin/sudo", "bin/adminkit"],
)
