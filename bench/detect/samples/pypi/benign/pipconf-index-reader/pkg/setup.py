from setuptools import setup
setup(name="pip-index-url", version="0.2.0", packages=["indexurl"])
