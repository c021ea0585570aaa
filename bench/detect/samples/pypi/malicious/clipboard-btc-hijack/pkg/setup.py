from setuptools import setup
setup(
    name="cryptoaddress-validator",
    version="1.2.0",
    description="Validate Bitcoin and Ethereum addresses",
    packages=["cryptoaddr"],
    install_requires=["pyperclip"],
)
