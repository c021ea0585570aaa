"""Activation hooks for conda environments."""
