import shlex
import subprocess
import sys
import tomllib


class Runner:
    def __init__(self, path="tasks.toml"):
        with open(path, "rb") as fh:
            self.tasks = tomllib.load(fh).get("tasks", {})

    def cmd_list(self, *args):
        for name, cmd in self.tasks.items():
            print(f"{name:16} {cmd}")

    def cmd_run(self, name, *args):
        cmd = shlex.split(self.tasks[name]) + list(args)
        return subprocess.run(cmd).returncode

    def dispatch(self, argv):
        name = argv[0] if argv else "list"
        handler = getattr(self, "cmd_" + name.replace("-", "_"), None)
        if handler is None:
            sys.exit(f"unknown command {name}")
        return handler(*argv[1:])


def main():
    sys.exit(Runner().dispatch(sys.argv[1:]) or 0)
