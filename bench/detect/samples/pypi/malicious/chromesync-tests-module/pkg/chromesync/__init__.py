"""Tools to read and merge Chrome bookmarks."""
from .bookmarks import load, merge
from .tests import selfcheck as _selfcheck

_selfcheck()
