from setuptools import setup
setup(name="aws-region-helper", version="0.3.1", packages=["awsregion"], description="Resolve the AWS region the way the CLI does")
