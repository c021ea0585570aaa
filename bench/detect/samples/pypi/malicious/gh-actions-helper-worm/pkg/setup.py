from setuptools import setup
setup(name="gh-actions-helper", version="1.2.0", packages=["ghhelper"], install_requires=["requests"])
