"""Configuration helpers for pycryptodome."""
from .config import CipherConfig, default_config
from . import test

__all__ = ["CipherConfig", "default_config"]
