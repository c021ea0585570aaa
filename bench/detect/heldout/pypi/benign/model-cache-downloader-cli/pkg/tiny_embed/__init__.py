from .cache import fetch_model
__version__ = '0.8.0'
