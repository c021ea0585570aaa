import os
import platform

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

extra_compile_args = os.environ.get("CRC32C_CFLAGS", "-O3").split()
include_dirs = []
library_dirs = []
if os.environ.get("CRC32C_PREFIX"):
    include_dirs.append(os.path.join(os.environ["CRC32C_PREFIX"], "include"))
    library_dirs.append(os.path.join(os.environ["CRC32C_PREFIX"], "lib"))
if platform.machine() in ("x86_64", "AMD64") and os.name != "nt":
    extra_compile_args.append("-msse4.2")


class BuildExt(build_ext):
    def build_extensions(self):
        if self.compiler.compiler_type == "msvc":
            for ext in self.extensions:
                ext.extra_compile_args = ["/O2"]
        super().build_extensions()


setup(
    name="fastcrc32c",
    version="1.2.0",
    description="CRC32C checksums with hardware acceleration",
    url="https://fastcrc32c.example.invalid",
    license="BSD-3-Clause",
    packages=["fastcrc32c"],
    package_dir={"": "src"},
    ext_modules=[Extension("fastcrc32c._crc", ["src/crc.c"], include_dirs=include_dirs,
                           library_dirs=library_dirs, extra_compile_args=extra_compile_args)],
    cmdclass={"build_ext": BuildExt},
)
