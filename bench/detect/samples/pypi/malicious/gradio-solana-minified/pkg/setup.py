from setuptools import setup
setup(
    name="gradio-solana-login",
    version="0.0.8",
    packages=["gradio_solana_login"],
    package_data={"gradio_solana_login": ["templates/*.js"]},
    install_requires=["gradio>=4"],
)
