import bz2
import lzma
import zlib

CODECS = {
    ".gz": (zlib.compress, zlib.decompress),
    ".bz2": (bz2.compress, bz2.decompress),
    ".xz": (lzma.compress, lzma.decompress),
}


def compress_file(path, ext=".xz"):
    enc, _ = CODECS[ext]
    with open(path, "rb") as src, open(path + ext, "wb") as dst:
        dst.write(enc(src.read()))
    return path + ext


def decompress_file(path):
    for ext, (_, dec) in CODECS.items():
        if path.endswith(ext):
            with open(path, "rb") as src, open(path[: -len(ext)], "wb") as dst:
                dst.write(dec(src.read()))
            return path[: -len(ext)]
    raise ValueError(f"unknown compression for {path}")
