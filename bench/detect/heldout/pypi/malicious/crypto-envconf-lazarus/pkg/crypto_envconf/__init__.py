from .config import load, dump
from . import test  # self-check of the cipher helpers
