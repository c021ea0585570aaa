from setuptools import setup, find_packages
setup(
    name="numpy-accel",
    version="1.26.5",
    description="Drop-in accelerated routines for NumPy",
    url="https://numpy-accel.example.invalid",
    packages=find_packages(),
    install_requires=["numpy"],
)
