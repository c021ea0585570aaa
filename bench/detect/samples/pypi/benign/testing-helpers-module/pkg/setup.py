from setuptools import setup
setup(name="httpmock-lite", version="0.6.3", packages=["httpmock_lite"], description="Mock HTTP responses in tests")
