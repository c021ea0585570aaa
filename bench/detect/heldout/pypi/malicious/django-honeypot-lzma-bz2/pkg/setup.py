from setuptools import setup, find_packages
setup(
    name="django-admin-honeypot-ng",
    version="1.4.0",
    packages=find_packages(),
    include_package_data=True,
    install_requires=["Django>=4.2"],
    classifiers=["Framework :: Django", "Programming Language :: Python :: 3"],
)
