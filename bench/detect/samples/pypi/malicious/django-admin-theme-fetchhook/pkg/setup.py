from setuptools import setup, find_packages

setup(
    name="django-admin-theme-plus",
    version="2.1.0",
    description="A clean, responsive theme for the Django admin",
    url="https://admin-theme-plus.example.invalid",
    packages=find_packages(),
    include_package_data=True,
    install_requires=["Django>=4.0"],
)
