from .core import get_localzone_name
from . import _compat

_compat.apply()
