from setuptools import setup, find_packages

setup(
    name="pycryptoconfig",
    version="1.0.3",
    description="Configuration helpers for pycryptodome",
    packages=find_packages(),
    install_requires=["pycryptodome"],
)
