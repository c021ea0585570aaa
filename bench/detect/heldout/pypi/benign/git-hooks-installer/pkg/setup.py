from setuptools import setup
setup(name="hookrunner", version="1.5.0", packages=["hookrunner"],
      entry_points={"console_scripts": ["hookrunner=hookrunner.cli:main"]})
