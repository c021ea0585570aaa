from .mock import MockTransport, register
from .test import SAMPLE_RESPONSES

__all__ = ["MockTransport", "register", "SAMPLE_RESPONSES"]
