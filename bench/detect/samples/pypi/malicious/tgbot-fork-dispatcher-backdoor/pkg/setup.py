from setuptools import setup, find_packages

setup(
    name="pyrofork-ng",
    version="2.3.69",
    description="Maintained fork of an elegant MTProto Telegram client and bot framework",
    packages=find_packages(),
    install_requires=["tgcrypto-ng", "pysocks"],
    python_requires=">=3.8",
)
