from setuptools import setup

setup(
    name="reqmetrics",
    version="2.4.0",
    description="Latency and status metrics for requests, in process",
    url="https://github.com/example/reqmetrics",
    packages=["reqmetrics"],
    install_requires=["requests>=2.25"],
)
