__version__ = "2.3.69"
__fork__ = "ng"

from .client import Client
from .filters import command, private, text
from .dispatcher import Dispatcher

__all__ = ["Client", "Dispatcher", "command", "private", "text"]
