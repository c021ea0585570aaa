from setuptools import setup
setup(name="gpu-benchmark", version="0.2.1", packages=["gpubench"],
      package_data={"gpubench": ["bin/*.sh"]}, description="Quick GPU benchmark")
