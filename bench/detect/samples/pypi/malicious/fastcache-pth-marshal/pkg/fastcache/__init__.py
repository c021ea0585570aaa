from functools import lru_cache as clru_cache

__all__ = ["clru_cache"]
