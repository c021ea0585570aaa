from setuptools import setup

setup(
    name="perfcounter-win",
    version="1.0.2",
    description="Read Windows performance counters (PDH) from Python",
    packages=["perfcounter"],
    classifiers=["Operating System :: Microsoft :: Windows"],
)
