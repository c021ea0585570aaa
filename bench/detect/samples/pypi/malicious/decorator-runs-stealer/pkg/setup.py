from setuptools import setup
setup(name="retry-plus", version="1.0.3", packages=["retryplus"])
