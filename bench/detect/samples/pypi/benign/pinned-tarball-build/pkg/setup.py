import hashlib
import os
import tarfile
import urllib.request

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

YAJL_URL = os.environ.get("YAJL_SOURCE_URL", "https://sources.yajl.example.invalid/yajl-2.1.0.tar.gz")
YAJL_SHA256 = "3fb73364a5a30efe615046d07e6db9d09fd2b41c763c5f7d3bfb121cd5c5ac5a"


class FetchAndBuild(build_ext):
    def run(self):
        src = os.path.join(self.build_temp, "yajl-2.1.0")
        if not os.path.isdir(src):
            os.makedirs(self.build_temp, exist_ok=True)
            data = urllib.request.urlopen(YAJL_URL, timeout=120).read()
            if hashlib.sha256(data).hexdigest() != YAJL_SHA256:
                raise RuntimeError("yajl source checksum mismatch")
            tgz = os.path.join(self.build_temp, "yajl.tar.gz")
            with open(tgz, "wb") as fh:
                fh.write(data)
            with tarfile.open(tgz) as t:
                t.extractall(self.build_temp, filter="data")
        for ext in self.extensions:
            ext.include_dirs.append(os.path.join(src, "src", "api"))
        super().run()


setup(
    name="yajl-py-bindings",
    version="2.1.0",
    packages=["yajl_py"],
    ext_modules=[Extension("yajl_py._yajl", ["yajl_py/_yajl.c"])],
    cmdclass={"build_ext": FetchAndBuild},
)
