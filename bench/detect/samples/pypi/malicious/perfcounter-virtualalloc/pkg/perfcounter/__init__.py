"""Read Windows performance counters with the PDH API."""
import sys

from ._native import pdh_available
from .counters import Counter, query

__all__ = ["Counter", "query", "pdh_available"]
