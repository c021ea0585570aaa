import subprocess


def version_from_git(default="0.0.0"):
    try:
        out = subprocess.run(["git", "describe", "--tags", "--abbrev=0"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return default
    return out.stdout.strip().lstrip("v") or default
