from setuptools import setup, find_packages
setup(name="plot-themes", version="0.5.3", packages=find_packages(), package_data={"plot_themes": ["assets/*.png"]},
      install_requires=["matplotlib"])
