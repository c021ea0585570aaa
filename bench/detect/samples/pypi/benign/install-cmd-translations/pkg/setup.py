import glob
import os
import subprocess

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithTranslations(build_py):
    def run(self):
        for po in glob.glob("po/*.po"):
            lang = os.path.splitext(os.path.basename(po))[0]
            out = os.path.join("timeago_i18n", "locale", lang, "LC_MESSAGES")
            os.makedirs(out, exist_ok=True)
            subprocess.check_call(["msgfmt", "-o", os.path.join(out, "timeago.mo"), po])
        super().run()


setup(
    name="timeago-i18n",
    version="2.3.0",
    packages=["timeago_i18n"],
    package_data={"timeago_i18n": ["locale/*/LC_MESSAGES/*.mo"]},
    cmdclass={"build_py": BuildWithTranslations},
)
