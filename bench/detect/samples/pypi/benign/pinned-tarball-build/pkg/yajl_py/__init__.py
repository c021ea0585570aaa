from ._yajl import parse  # noqa: F401
