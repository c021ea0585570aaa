"""Extra text codecs: base64 lines, quoted-printable text."""
from . import lines
