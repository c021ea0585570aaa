from setuptools import setup, find_packages

setup(
    name="trainer-callbacks",
    version="2.6.1",
    description="Extra callbacks (EMA, gradient histogram, early stop on plateau) for deep-learning trainers",
    author="trainer-callbacks maintainers",
    packages=find_packages(),
    install_requires=["numpy>=1.22"],
    python_requires=">=3.9",
)
