import os
import sys


def main():
    if len(sys.argv) < 2:
        raise SystemExit("usage: otel-lite-run PROGRAM [ARGS...]")
    auto = os.path.join(os.path.dirname(__file__), "auto")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [auto, os.environ.get("PYTHONPATH")]))
    os.execvp(sys.argv[1], sys.argv[1:])
