from setuptools import setup

setup(
    name="easy-screencap",
    version="0.9.2",
    description="One-call screenshots of the screen, a window or a region",
    packages=["easy_screencap"],
    install_requires=["pillow>=9"],
)
