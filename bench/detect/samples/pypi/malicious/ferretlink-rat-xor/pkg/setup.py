from setuptools import setup
setup(name="pylink-sync", version="0.6.0", packages=["ferretlink"])
