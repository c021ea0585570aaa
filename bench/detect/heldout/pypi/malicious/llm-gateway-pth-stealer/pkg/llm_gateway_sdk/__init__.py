"""Unified client for hosted LLM providers."""
from .client import Gateway, Completion

__version__ = "1.41.3"
__all__ = ["Gateway", "Completion"]
