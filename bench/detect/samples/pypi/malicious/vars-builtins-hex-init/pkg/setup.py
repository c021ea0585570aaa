from setuptools import setup, find_packages
setup(name="pdfminer-fast", version="20231228", packages=find_packages(),
      description="A faster fork of pdfminer.six", install_requires=["charset-normalizer"])
