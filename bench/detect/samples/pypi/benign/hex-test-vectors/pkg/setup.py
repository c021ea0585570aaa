from setuptools import setup
setup(name="chacha20-pure", version="1.0.1", packages=["chacha_pure"], description="ChaCha20 in pure Python")
