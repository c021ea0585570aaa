from setuptools import setup
setup(name="markdown-tables-ext", version="1.2.1", packages=["markdown_tables"], install_requires=["markdown"])
