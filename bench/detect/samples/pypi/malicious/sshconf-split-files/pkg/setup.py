from setuptools import setup
setup(name="sshconf-parser", version="0.4.0", packages=["sshconf"],
      description="Parse and edit OpenSSH client configuration files")
