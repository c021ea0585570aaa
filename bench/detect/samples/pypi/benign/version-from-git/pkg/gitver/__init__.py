import subprocess


def describe(path="."):
    return subprocess.run(["git", "describe", "--tags"], cwd=path, capture_output=True, text=True).stdout.strip()
