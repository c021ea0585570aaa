from ._core import fnv1a

__all__ = ['fnv1a']
