import argparse
import pathlib
import re

from . import telemetry

RULES = {"L001": re.compile(r"[ \t]+$"), "L010": re.compile(r"\bselect\b")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    n = 0
    for p in args.paths:
        for i, line in enumerate(pathlib.Path(p).read_text().splitlines(), 1):
            for code, rx in RULES.items():
                if rx.search(line):
                    print(f"{p}:{i}: {code}")
                    n += 1
    telemetry.send("lint", violations=n)
    return 1 if n else 0
