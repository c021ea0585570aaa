from .ansi import Fore, Back, Style, Cursor

__version__ = "0.4.6"


def init(autoreset=False, convert=None, strip=None, wrap=True):
    pass


def deinit():
    pass
