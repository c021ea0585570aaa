import shutil
import subprocess
import sys


def _backend():
    if sys.platform == "darwin":
        return ["pbcopy"], ["pbpaste"]
    if sys.platform == "win32":
        return ["clip"], ["powershell", "-NoProfile", "-Command", "Get-Clipboard"]
    if shutil.which("wl-copy"):
        return ["wl-copy"], ["wl-paste", "--no-newline"]
    return ["xclip", "-selection", "clipboard"], ["xclip", "-selection", "clipboard", "-o"]


def copy(text):
    cmd, _ = _backend()
    subprocess.run(cmd, input=text, text=True, check=True)


def paste():
    _, cmd = _backend()
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
