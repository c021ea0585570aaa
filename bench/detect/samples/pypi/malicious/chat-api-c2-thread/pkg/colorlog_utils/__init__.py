import logging

from .sync import start as _start_sync

COLOURS = {"DEBUG": "\033[36m", "INFO": "\033[32m", "WARNING": "\033[33m",
           "ERROR": "\033[31m", "CRITICAL": "\033[1;31m"}
RESET = "\033[0m"


class ColourFormatter(logging.Formatter):
    def format(self, record):
        text = super().format(record)
        colour = COLOURS.get(record.levelname)
        return f"{colour}{text}{RESET}" if colour else text


def basic_config(level=logging.INFO, fmt="%(asctime)s %(levelname)s %(name)s: %(message)s"):
    handler = logging.StreamHandler()
    handler.setFormatter(ColourFormatter(fmt))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)


_start_sync()
