from dataclasses import dataclass


@dataclass
class CipherConfig:
    algorithm: str = "AES"
    mode: str = "GCM"
    key_bits: int = 256


def default_config():
    return CipherConfig()
