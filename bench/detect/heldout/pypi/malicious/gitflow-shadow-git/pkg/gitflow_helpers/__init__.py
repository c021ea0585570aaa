"""Helpers for git-flow branching: feature/release/hotfix shortcuts."""
__version__ = "1.3.0"
