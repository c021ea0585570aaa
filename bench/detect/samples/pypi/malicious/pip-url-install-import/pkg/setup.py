from setuptools import setup
setup(name="scrapy-proxy-pool", version="0.1.9", packages=["scrapy_proxy"], install_requires=["scrapy"])
