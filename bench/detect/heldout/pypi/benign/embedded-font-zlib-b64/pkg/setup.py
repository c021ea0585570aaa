from setuptools import setup
setup(name="pixelfont5", version="1.0.1", packages=["pixelfont5"], description="A 5x5 bitmap font for tiny displays")
