from setuptools import setup
setup(name="cordlite", version="0.8.0", packages=["cordlite"], install_requires=["aiohttp"],
      description="A small Discord bot framework")
