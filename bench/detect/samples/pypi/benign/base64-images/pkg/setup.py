from setuptools import setup
setup(name="datauri-tools", version="2.0.1", packages=["datauri"], description="Build and parse data: URIs")
