from setuptools import setup

setup(
    name="ctxkit",
    version="0.2.6",
    description="A minimal python dictionary with attribute access",
    py_modules=["ctxkit"],
)
