"""Small helpers for ANSI colours in terminal output."""

import os
import subprocess

__version__ = "1.2.0"

CODES = {"red": 31, "green": 32, "yellow": 33, "blue": 34}


def enabled() -> bool:
    """Colours are on unless NO_COLOR is set or stdout is not a terminal."""
    return "NO_COLOR" not in os.environ and os.isatty(1)


def colours_supported() -> int:
    """How many colours the terminal says it has (0 when unknown)."""
    try:
        out = subprocess.run(["tput", "colors"], capture_output=True, text=True, check=False)
        return int(out.stdout.strip() or 0)
    except (OSError, ValueError):
        return 0


def paint(text: str, colour: str) -> str:
    if not enabled() or colour not in CODES:
        return text
    return f"\x1b[{CODES[colour]}m{text}\x1b[0m"
