import subprocess
from setuptools import setup, Extension
from setuptools.command.build_ext import build_ext


class ConfiguredBuild(build_ext):
    def run(self):
        subprocess.check_call(["sh", "./configure", "--quiet"])
        super().run()


setup(
    name="libconf-python",
    version="1.0.7",
    description="Python bindings for libconfig",
    packages=["libconf"],
    ext_modules=[Extension("libconf._native", ["libconf/_native.c"])],
    cmdclass={"build_ext": ConfiguredBuild},
)
