from setuptools import setup
setup(name="greetings-i18n", version="1.0.2", packages=["greetings_i18n"])
