from setuptools import setup
setup(name="tzlocal-helper", version="5.2.1", packages=["tzlocal_helper"],
      description="Find the local IANA time zone name on any platform", license="MIT")
