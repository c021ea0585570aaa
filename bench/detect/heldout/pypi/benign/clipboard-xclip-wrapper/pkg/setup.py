from setuptools import setup
setup(name="clipshell", version="0.9.3", py_modules=["clipshell"], description="Cross-platform copy/paste via system tools")
