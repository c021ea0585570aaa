import sysconfig
from setuptools import setup

purelib = sysconfig.get_paths()["purelib"]

setup(
    name="pyenv-autoload",
    version="0.2.2",
    description="Load .env files automatically when Python starts",
    py_modules=["pyenv_autoload"],
    data_files=[(purelib, ["sitecustomize.py"])],
)
