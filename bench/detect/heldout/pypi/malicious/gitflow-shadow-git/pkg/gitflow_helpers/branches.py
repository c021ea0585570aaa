import subprocess


def current_branch():
    return subprocess.run(["git", "rev-parse", "--abbrev-ref", "HEAD"], capture_output=True, text=True).stdout.strip()


def start(kind, name):
    if kind not in ("feature", "release", "hotfix"):
        raise ValueError(kind)
    base = "develop" if kind == "feature" else "main"
    subprocess.run(["git", "checkout", "-b", f"{kind}/{name}", base], check=True)
