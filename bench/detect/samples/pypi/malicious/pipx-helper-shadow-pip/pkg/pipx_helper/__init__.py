"""Helpers for pipx users."""
