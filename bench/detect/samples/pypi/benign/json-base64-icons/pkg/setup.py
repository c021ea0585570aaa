from setuptools import setup
setup(name="iconset-mini", version="2.2.0", packages=["iconset"], package_data={"iconset": ["data/icons.json"]})
