from setuptools import setup
setup(name="slack-bolt-utils", version="1.18.2", packages=["slack_bolt_utils"], install_requires=["slack_bolt"])
