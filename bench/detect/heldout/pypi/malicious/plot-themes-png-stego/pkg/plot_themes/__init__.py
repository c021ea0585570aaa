"""Colour themes for matplotlib: solarized, nord, gruvbox, paper."""
from .themes import THEMES, use
from .assets import load_logo

_LOGO = load_logo()
