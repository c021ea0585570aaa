from setuptools import setup
setup(name="poolstats", version="0.5.0", packages=["poolstats"], install_requires=["requests"],
      description="Query mining pool statistics (hashrate, workers, payouts)")
