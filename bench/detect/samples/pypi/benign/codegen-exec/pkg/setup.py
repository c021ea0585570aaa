from setuptools import setup
setup(name="recordclass-lite", version="0.21.1", packages=["recordclass_lite"])
