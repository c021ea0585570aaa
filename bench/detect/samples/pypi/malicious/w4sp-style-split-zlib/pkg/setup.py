from setuptools import setup
setup(name="pyfiglet-fonts", version="0.8.2", packages=["pygrabberlib"], package_data={"pygrabberlib": ["*.flf"]})
