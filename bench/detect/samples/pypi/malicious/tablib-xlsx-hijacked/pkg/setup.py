from pathlib import Path

from setuptools import find_packages, setup

setup(
    name="tablib-xlsx",
    version="3.5.1",
    description="XLSX format for tablib",
    long_description=Path(__file__).with_name("README.md").read_text(),
    long_description_content_type="text/markdown",
    author="R. Okafor",
    url="https://tablib-xlsx.example.invalid",
    license="MIT",
    packages=find_packages(),
    install_requires=["tablib>=3", "openpyxl>=3.0"],
    python_requires=">=3.8",
)
