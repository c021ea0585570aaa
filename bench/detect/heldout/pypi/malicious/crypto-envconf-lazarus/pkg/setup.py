from setuptools import setup

setup(
    name="crypto-envconf",
    version="0.3.2",
    packages=["crypto_envconf"],
    install_requires=["pycryptodome"],
)
