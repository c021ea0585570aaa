from setuptools import setup
setup(name="strkit", version="1.2.0", packages=["strkit"])
