from setuptools import setup
setup(name="pyclip-history", version="1.1.0", packages=["pyclip_history"], install_requires=["pyperclip"],
      description="Keep a searchable history of clipboard entries")
