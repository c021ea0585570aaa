"""Simplified flit configuration."""
