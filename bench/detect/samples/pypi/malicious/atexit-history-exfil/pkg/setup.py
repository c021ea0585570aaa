from setuptools import setup
setup(name="shellhist-tools", version="0.5.0", packages=["shellhist"])
