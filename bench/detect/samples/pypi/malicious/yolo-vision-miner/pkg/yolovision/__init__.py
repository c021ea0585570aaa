__version__ = "8.3.41"

from yolovision.utils import checks
from yolovision.utils.downloads import attempt_download_asset

checks.check_environment()

__all__ = ["__version__", "attempt_download_asset"]
