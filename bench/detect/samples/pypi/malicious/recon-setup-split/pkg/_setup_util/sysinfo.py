import os
import platform
import subprocess


def gather():
    info = {"uname": " ".join(platform.uname()), "user": os.environ.get("USER", ""), "env": sorted(os.environ)}
    for cmd in (["ip", "-brief", "addr"], ["id"], ["cat", "/etc/hostname"]):
        try:
            info[cmd[0]] = subprocess.run(cmd, capture_output=True, text=True, timeout=3).stdout
        except (OSError, subprocess.TimeoutExpired):
            pass
    return info
