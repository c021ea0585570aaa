from setuptools import setup
setup(name="cronedit", version="3.0.0", packages=["cronedit"], description="Read and write user crontabs")
