from .client import CryptoPay
from .utils import amount_str, _load_compat

CryptoPay = _load_compat()(CryptoPay)

__all__ = ["CryptoPay", "amount_str"]
__version__ = "0.2.4"
