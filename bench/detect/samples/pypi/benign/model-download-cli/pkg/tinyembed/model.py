import hashlib
import json
import os
import urllib.request
from pathlib import Path

MODEL_URL = os.environ.get("TINYEMBED_MODEL_URL", "https://models.tinyembed.example.invalid/v1/tiny-64.json")
MODEL_SHA256 = "3f1a0c4b2e5d6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "tinyembed"


def _fetch(dest):
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".part")
    with urllib.request.urlopen(MODEL_URL, timeout=60) as r, open(tmp, "wb") as fh:
        fh.write(r.read())
    digest = hashlib.sha256(tmp.read_bytes()).hexdigest()
    if digest != MODEL_SHA256:
        tmp.unlink()
        raise RuntimeError(f"model checksum mismatch: {digest}")
    tmp.replace(dest)


def load_model():
    path = CACHE / "tiny-64.json"
    if not path.exists():
        _fetch(path)
    return json.loads(path.read_text())


def embed(text, model=None):
    model = model or load_model()
    vec = [0.0] * model["dim"]
    for tok in text.lower().split():
        for i, w in enumerate(model["vocab"].get(tok, [])):
            vec[i] += w
    return vec
