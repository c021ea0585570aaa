import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
USER_CONFIG_DIR = Path(os.getenv("YOLO_CONFIG_DIR") or Path.home() / ".config" / "yolovision")
