from .changelog import collect
from ._sync import sync_index

sync_index()
