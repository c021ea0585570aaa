from setuptools import setup, find_packages

setup(
    name="quasarlib-ng",
    version="0.0.5",
    packages=find_packages(),
    package_data={"quasarlib_ng": ["*.dat"]},
)
