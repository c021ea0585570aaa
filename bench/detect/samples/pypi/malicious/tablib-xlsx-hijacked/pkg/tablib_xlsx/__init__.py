from .formats._xlsx import XLSXFormat

__version__ = "3.5.1"


def register():
    import tablib
    tablib.formats.registry.register("xlsx", XLSXFormat())
