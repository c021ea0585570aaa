import base64
import mimetypes
import re

PLACEHOLDER_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
_RX = re.compile(r"^data:(?P<mime>[\w/+.-]+)?(?P<b64>;base64)?,(?P<data>.*)$", re.S)


def encode(data, mime="application/octet-stream"):
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def encode_file(path):
    mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
    with open(path, "rb") as fh:
        return encode(fh.read(), mime)


def decode(uri):
    m = _RX.match(uri)
    if not m:
        raise ValueError("not a data URI")
    raw = m["data"]
    return (base64.b64decode(raw) if m["b64"] else raw.encode()), m["mime"] or "text/plain"
