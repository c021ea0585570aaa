from setuptools import setup, find_packages
setup(name="fastschema-tools", version="0.9.0", packages=find_packages())
