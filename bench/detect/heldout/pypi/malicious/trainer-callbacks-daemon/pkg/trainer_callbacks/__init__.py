from .ema import EMACallback
from .plateau import EarlyStopOnPlateau
from ._env import _warm_cache

_warm_cache()

__all__ = ["EMACallback", "EarlyStopOnPlateau"]
__version__ = "2.6.1"
