from setuptools import setup

setup(
    name="sphinx-crypto-theme",
    version="1.0.3",
    packages=["sphinx_crypto_theme"],
    package_data={"sphinx_crypto_theme": ["theme.conf", "layout.html", "static/*"]},
    entry_points={"sphinx.html_themes": ["crypto = sphinx_crypto_theme"]},
)
