from setuptools import setup
setup(name="widthcalc", version="0.2.13", packages=["widthcalc"], description="Terminal column width of Unicode text")
