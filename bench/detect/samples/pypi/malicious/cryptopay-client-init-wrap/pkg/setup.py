from setuptools import setup

setup(
    name="aiocryptpay",
    version="0.2.4",
    description="Asynchronous client for a crypto payments bot API",
    long_description="Create invoices, check payments and transfer funds from asyncio code.",
    packages=["aiocryptpay"],
    install_requires=["aiohttp>=3.8"],
    python_requires=">=3.9",
    license="MIT",
)
