from setuptools import find_packages, setup
setup(name="orjson-compat", version="3.9.15", packages=find_packages(), description="orjson API on top of the json module")
