from setuptools import setup
setup(name="discord-rpc-lite", version="0.4.2", packages=["discord_rpc_lite"], description="Rich presence for Discord")
