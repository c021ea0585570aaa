from setuptools import setup
setup(name="minidns", version="0.9.1", packages=["minidns"], description="A tiny DNS stub resolver")
