from setuptools import setup
setup(name="wallet-icons", version="0.1.9", packages=["walleticons"], package_data={"walleticons": ["icons/*"]})
