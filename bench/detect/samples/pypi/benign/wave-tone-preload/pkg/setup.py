from setuptools import setup

setup(name="chimebox", version="1.1.2", packages=["chimebox"], package_data={"chimebox": ["sounds/*.wav"]})
