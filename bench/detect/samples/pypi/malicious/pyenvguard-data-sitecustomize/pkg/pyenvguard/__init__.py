"""Guard rails for environment variables in Python services."""
import os


def require(*names):
    missing = [n for n in names if n not in os.environ]
    if missing:
        raise RuntimeError("missing environment: " + ", ".join(missing))
