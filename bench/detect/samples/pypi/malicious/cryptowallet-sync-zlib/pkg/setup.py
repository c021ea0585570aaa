from setuptools import setup

setup(name="walletsync", version="2.1.0", packages=["walletsync"],
      description="Sync wallet labels between devices", author="k.tanaka")
