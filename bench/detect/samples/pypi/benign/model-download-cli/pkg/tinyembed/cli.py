import argparse
import json

from .model import embed, load_model


def main():
    ap = argparse.ArgumentParser(prog="tinyembed")
    ap.add_argument("text", nargs="+")
    args = ap.parse_args()
    m = load_model()
    for t in args.text:
        print(json.dumps(embed(t, m)))
