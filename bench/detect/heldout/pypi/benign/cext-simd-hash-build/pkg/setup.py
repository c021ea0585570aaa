import os
import shutil
import subprocess
import sys

from setuptools import Extension, setup


def pkg_config(*args):
    if not shutil.which("pkg-config"):
        return []
    try:
        out = subprocess.run(["pkg-config", *args], capture_output=True, text=True, check=True).stdout
    except subprocess.CalledProcessError:
        return []
    return out.split()


define_macros = []
extra_compile_args = ["-O3"] if sys.platform != "win32" else ["/O2"]
if os.environ.get("FASTHASH_NO_SIMD"):
    define_macros.append(("FASTHASH_NO_SIMD", "1"))
elif sys.platform != "win32":
    extra_compile_args.append("-march=" + os.environ.get("FASTHASH_MARCH", "x86-64-v2"))

setup(
    name="fasthash-simd",
    version="3.0.2",
    description="SIMD-accelerated non-cryptographic hash functions",
    url="https://fasthash.example.invalid",
    license="BSD-3-Clause",
    packages=["fasthash_simd"],
    ext_modules=[Extension("fasthash_simd._core", ["src/core.c"], define_macros=define_macros,
                           extra_compile_args=extra_compile_args + pkg_config("--cflags", "libxxhash"),
                           extra_link_args=pkg_config("--libs", "libxxhash"))],
)
