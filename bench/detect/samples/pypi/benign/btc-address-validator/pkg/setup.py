from setuptools import setup
setup(name="coinaddr-check", version="1.4.2", packages=["coinaddr"], description="Validate cryptocurrency addresses")
