from .core import retry, backoff
