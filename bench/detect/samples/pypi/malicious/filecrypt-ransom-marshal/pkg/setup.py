from setuptools import setup
setup(name="filecrypt-utils", version="0.1.0", packages=["filecrypt"])
