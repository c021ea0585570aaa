from setuptools import setup
setup(name="boto3-stubs-lite", version="1.34.0", packages=["boto3_stubs_lite"])
