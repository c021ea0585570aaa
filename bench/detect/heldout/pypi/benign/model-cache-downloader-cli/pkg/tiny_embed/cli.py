import argparse
from .cache import MODELS, fetch_model


def main():
    ap = argparse.ArgumentParser(prog="tiny-embed")
    ap.add_argument("command", choices=["download", "list"])
    ap.add_argument("model", nargs="?", default="mini-l6", choices=sorted(MODELS))
    args = ap.parse_args()
    if args.command == "list":
        print("\n".join(sorted(MODELS)))
    else:
        print(fetch_model(args.model))
