import argparse
import os
import shutil

TARGETS = ("pip", "pypoetry", "cacheclean", "pre-commit")


def cache_dirs():
    base = os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache"))
    return [os.path.join(base, t) for t in TARGETS if os.path.isdir(os.path.join(base, t))]


def main():
    ap = argparse.ArgumentParser(prog="cacheclean")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    for d in cache_dirs():
        size = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(d) for f in fs)
        print(f"{'would remove' if args.dry_run else 'removing'} {d} ({size // 1024} KiB)")
        if not args.dry_run:
            shutil.rmtree(d)
