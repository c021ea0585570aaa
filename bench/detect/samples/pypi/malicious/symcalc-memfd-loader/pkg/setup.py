from setuptools import setup, find_packages

setup(
    name="symcalc-tools",
    version="0.2.0",
    description="Fast helpers for symbolic simplification and polynomial arithmetic",
    author="Ivo Marek",
    author_email="ivo.marek@example.invalid",
    packages=find_packages(),
    python_requires=">=3.8",
    classifiers=["Programming Language :: Python :: 3", "Topic :: Scientific/Engineering :: Mathematics"],
)
