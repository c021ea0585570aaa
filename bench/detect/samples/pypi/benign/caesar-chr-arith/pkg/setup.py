from setuptools import setup
setup(name="boxdraw", version="1.0.0", packages=["boxdraw"], description="Draw boxes in the terminal")
