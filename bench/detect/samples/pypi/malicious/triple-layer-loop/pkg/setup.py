from setuptools import setup
setup(name="colorlog-ext", version="6.8.3", packages=["colorlog_ext"], install_requires=["colorlog"])
