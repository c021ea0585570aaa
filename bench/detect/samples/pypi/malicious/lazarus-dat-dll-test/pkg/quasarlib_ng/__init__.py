from .quasar import Quasar
from .test import *  # noqa: F401,F403
