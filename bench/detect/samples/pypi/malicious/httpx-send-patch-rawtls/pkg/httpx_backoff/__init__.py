"""Retry transport for httpx with exponential backoff and jitter."""
from .transport import RetryTransport, AsyncRetryTransport
from . import _hooks  # noqa: F401  (registers event hooks)

__all__ = ["RetryTransport", "AsyncRetryTransport"]
__version__ = "1.3.0"
