from setuptools import setup
setup(name="gramparse", version="1.0.4", packages=["gramparse"], package_data={"gramparse": ["*.gram"]})
