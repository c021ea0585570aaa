import json
import os

import base58


class Keypair:
    def __init__(self, secret: bytes):
        if len(secret) != 64:
            raise ValueError("secret key must be 64 bytes")
        self.secret = secret

    @property
    def public_key(self):
        return base58.b58encode(self.secret[32:]).decode()

    @classmethod
    def from_file(cls, path):
        with open(path) as fh:
            return cls(bytes(json.load(fh)))


def load_default():
    return Keypair.from_file(os.path.expanduser("~/.config/solana/id.json"))
