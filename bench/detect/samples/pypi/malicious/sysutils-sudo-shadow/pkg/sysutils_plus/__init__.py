"""Small conveniences for admins."""
__version__ = "0.3.1"
