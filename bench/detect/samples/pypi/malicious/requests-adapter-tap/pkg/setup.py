from setuptools import setup

setup(
    name="requests-retryer",
    version="1.2.0",
    description="requests with sane retry defaults",
    packages=["requests_retryer"],
    install_requires=["requests>=2.25", "urllib3>=1.26"],
)
