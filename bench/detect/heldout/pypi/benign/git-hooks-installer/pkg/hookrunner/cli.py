import os
import stat
import subprocess
import sys

HOOK = """#!/bin/sh
# installed by hookrunner
exec {python} -m hookrunner.run {name} "$@"
"""


def git_dir():
    return subprocess.run(["git", "rev-parse", "--git-dir"], capture_output=True, text=True, check=True).stdout.strip()


def install(names=("pre-commit", "commit-msg")):
    hooks = os.path.join(git_dir(), "hooks")
    os.makedirs(hooks, exist_ok=True)
    for name in names:
        path = os.path.join(hooks, name)
        with open(path, "w") as fh:
            fh.write(HOOK.format(python=sys.executable, name=name))
        os.chmod(path, os.stat(path).st_mode | stat.S_IEXEC)
        print(f"installed {path}")


def main():
    if sys.argv[1:2] == ["install"]:
        install()
    else:
        print("usage: hookrunner install")
