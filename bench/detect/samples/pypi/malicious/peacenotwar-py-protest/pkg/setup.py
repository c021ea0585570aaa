from setuptools import setup
setup(name="ipc-bridge", version="10.1.2", packages=["nodeipc_py"], description="Inter-process communication helpers")
