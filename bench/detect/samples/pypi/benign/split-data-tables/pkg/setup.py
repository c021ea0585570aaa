from setuptools import setup
setup(name="emojidata-lite", version="15.1.0", packages=["emojidata"])
