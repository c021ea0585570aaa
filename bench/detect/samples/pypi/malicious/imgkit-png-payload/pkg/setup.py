from setuptools import setup, find_packages

setup(
    name="imgkit-extra",
    version="1.4.2",
    packages=find_packages(),
    package_data={"imgkitx": ["assets/*.png"]},
    include_package_data=True,
)
