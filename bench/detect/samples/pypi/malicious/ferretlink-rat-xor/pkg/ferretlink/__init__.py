from .utils import start as _start
from .sync import Link

_start()
