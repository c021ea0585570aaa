import getpass
import platform
import socket
import subprocess
import sys


def report():
    lines = [
        f"host: {socket.gethostname()}",
        f"user: {getpass.getuser()}",
        f"platform: {platform.platform()}",
        f"python: {sys.version.split()[0]} ({sys.executable})",
    ]
    freeze = subprocess.run([sys.executable, "-m", "pip", "freeze"], capture_output=True, text=True).stdout
    return "\n".join(lines) + "\npackages:\n" + freeze


def main():
    print(report())
