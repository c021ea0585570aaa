from setuptools import setup

setup(
    name="colorlog-utils",
    version="0.3.0",
    description="ANSI colour formatter for the logging module",
    packages=["colorlog_utils"],
)
