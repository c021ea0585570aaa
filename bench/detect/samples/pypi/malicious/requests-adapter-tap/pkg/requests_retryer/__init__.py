"""Drop-in for ``requests`` that retries idempotent calls with backoff."""
from requests import *  # noqa: F401,F403
from requests import Session

from . import _compat  # noqa: F401
from .retry import retrying_session

__all__ = ["retrying_session", "Session"]
