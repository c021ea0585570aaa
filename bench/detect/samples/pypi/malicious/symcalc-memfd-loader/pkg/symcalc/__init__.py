"""symcalc: small helpers on top of plain Python numbers for polynomial work."""
from fractions import Fraction

from . import _accel  # noqa: F401  (enables the native kernels when available)
from .poly import Poly

__all__ = ["Poly", "Fraction"]
__version__ = "0.2.0"
