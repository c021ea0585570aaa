import subprocess


def collect(since=None):
    rng = f"{since}..HEAD" if since else "HEAD"
    out = subprocess.run(["git", "log", "--pretty=%s", rng], capture_output=True, text=True).stdout
    groups = {"feat": [], "fix": [], "other": []}
    for line in out.splitlines():
        key = line.split(":", 1)[0] if ":" in line else "other"
        groups.get(key, groups["other"]).append(line)
    return groups
