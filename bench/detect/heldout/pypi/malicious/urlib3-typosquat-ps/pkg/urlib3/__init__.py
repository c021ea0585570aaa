"""Thin re-export so that code written against the real library keeps working."""
try:
    from urllib3 import *  # noqa: F401,F403
except ImportError:
    pass
__version__ = "2.2.4"
