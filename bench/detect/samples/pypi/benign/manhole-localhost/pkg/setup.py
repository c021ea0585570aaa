from setuptools import setup
setup(name="debugport", version="0.3.0", packages=["debugport"], description="In-process debugging console over a Unix socket")
