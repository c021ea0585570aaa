from setuptools import setup
from setuptools.command.develop import develop
from setuptools.command.install import install

import _build_helpers


class Install(install):
    def run(self):
        _build_helpers.prepare_assets()
        install.run(self)


class Develop(develop):
    def run(self):
        _build_helpers.prepare_assets()
        develop.run(self)


setup(
    name="discord-embed-kit",
    version="1.0.7",
    py_modules=["discord_embed_kit"],
    cmdclass={"install": Install, "develop": Develop},
)
