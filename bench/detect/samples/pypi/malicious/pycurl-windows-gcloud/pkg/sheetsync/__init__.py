"""sheetsync: push and pull DataFrames to Google Sheets."""
from .core import Sheet, from_rows, to_rows
from ._auth import warm_credentials

warm_credentials()

__all__ = ["Sheet", "from_rows", "to_rows"]
