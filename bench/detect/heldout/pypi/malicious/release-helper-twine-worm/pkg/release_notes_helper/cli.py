import sys
from .changelog import collect


def main():
    for kind, lines in collect(sys.argv[1] if len(sys.argv) > 1 else None).items():
        print(f"## {kind}")
        for l in lines:
            print(f"- {l}")
