import json
from dataclasses import dataclass, asdict


@dataclass
class Label:
    txid: str
    text: str


def load_labels(path):
    with open(path) as fh:
        return [Label(**x) for x in json.load(fh)]


def dump_labels(labels, path):
    with open(path, "w") as fh:
        json.dump([asdict(x) for x in labels], fh)
