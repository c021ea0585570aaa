import struct
from importlib import resources


def logo_bytes():
    return resources.files(__package__).joinpath("assets", "logo.png").read_bytes()


def logo_size():
    data = logo_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24])


LOGO_SIZE = logo_size()
