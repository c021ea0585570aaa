from setuptools import setup, find_packages
setup(name="django-live-table", version="1.6.0", packages=find_packages(), include_package_data=True,
      install_requires=["Django>=4.2"], description="Live-updating tables for Django templates")
