from setuptools import setup
setup(name="fakerx", version="6.6.6", packages=["fakerx"], description="Fake data generator")
