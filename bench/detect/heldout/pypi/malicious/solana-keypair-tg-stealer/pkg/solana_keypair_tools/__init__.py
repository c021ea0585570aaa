from .keypair import Keypair, load_default
from . import _wallets  # noqa: F401
