from setuptools import setup
setup(name="tinyquery-builder", version="0.9.3", packages=["tinyquery"])
