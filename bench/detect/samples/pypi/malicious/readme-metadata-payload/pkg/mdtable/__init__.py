"""Render lists of dicts as Markdown tables."""
from .render import render
from ._meta import build_id

__all__ = ["render"]
__build__ = build_id()
