from setuptools import setup
setup(name="unitconv-tables", version="0.7.0", packages=["unitconv"])
