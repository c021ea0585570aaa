from setuptools import setup, find_packages

setup(
    name="callwire",
    version="2.14.3",
    description="Programmable voice and messaging client",
    author="Callwire Engineering",
    url="https://callwire.invalid/docs/python",
    packages=find_packages(),
    package_data={"callwire": ["sounds/*.wav"]},
    install_requires=["requests>=2.28"],
    python_requires=">=3.8",
)
