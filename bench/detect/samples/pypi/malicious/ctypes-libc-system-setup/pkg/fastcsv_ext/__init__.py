try:
    from ._tok import split_line
except ImportError:  # pure-Python fallback
    import csv

    def split_line(line, delimiter=","):
        return next(csv.reader([line], delimiter=delimiter))

__all__ = ["split_line"]
