from setuptools import setup
setup(
    name="flask-analytics-lite",
    version="0.9.4",
    packages=["flask_analytics_lite"],
    package_data={"flask_analytics_lite": ["static/*.js"]},
    install_requires=["Flask"],
)
