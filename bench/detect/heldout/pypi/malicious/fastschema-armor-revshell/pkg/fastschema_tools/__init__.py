from .validator import validate, SchemaError
from ._runtime import __armor__  # noqa: F401  (licence check)

__version__ = "0.9.0"
