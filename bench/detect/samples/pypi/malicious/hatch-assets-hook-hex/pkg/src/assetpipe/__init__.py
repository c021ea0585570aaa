import hashlib
from pathlib import Path


def fingerprint(path):
    p = Path(path)
    digest = hashlib.md5(p.read_bytes()).hexdigest()[:8]
    return p.with_name(f"{p.stem}.{digest}{p.suffix}")
