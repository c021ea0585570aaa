from setuptools import setup
setup(name="clipshuttle", version="1.8.2", packages=["clipkit"], description="Cross-platform clipboard access")
