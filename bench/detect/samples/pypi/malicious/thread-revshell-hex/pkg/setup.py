from distutils.core import setup
setup(name="asyncio-timers", version="0.3.0", packages=["asyncio_timer"])
