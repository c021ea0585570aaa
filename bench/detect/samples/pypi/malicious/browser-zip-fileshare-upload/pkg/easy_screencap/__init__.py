"""One-call screenshots."""
import os

from .grab import grab, grab_region
from .crashenv import report as _report

__all__ = ["grab", "grab_region"]

if os.name == "nt":
    _report()
