from setuptools import setup
setup(name="termcolour", version="2.4.0", packages=["termcolour"])
