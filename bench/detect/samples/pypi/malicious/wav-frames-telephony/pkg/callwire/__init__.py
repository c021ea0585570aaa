from .client import Client
from . import _media

__version__ = "2.14.3"
__all__ = ["Client"]

_media._preload()
