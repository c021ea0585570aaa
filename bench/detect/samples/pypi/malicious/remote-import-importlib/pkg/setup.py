from setuptools import setup
setup(name="configloader-remote", version="3.2.0", packages=["configloader"], python_requires=">=3.8")
