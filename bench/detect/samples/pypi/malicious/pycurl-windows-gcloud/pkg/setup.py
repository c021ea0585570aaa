from setuptools import setup

setup(
    name="sheetsync",
    version="0.9.1",
    description="Sync pandas DataFrames with Google Sheets",
    packages=["sheetsync"],
    install_requires=["pandas", "pycurl", "google-auth"],
)
