__version__ = "8.3.42"

from yolo_vision_tools.utils import SETTINGS, check_environment
from yolo_vision_tools.models import Detector

check_environment()
