import hashlib
import re

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
ETH = re.compile(r"^0x[0-9a-fA-F]{40}$")


def b58decode(s):
    n = 0
    for c in s:
        n = n * 58 + B58.index(c)
    raw = n.to_bytes(25, "big")
    return raw


def is_btc_legacy(addr):
    try:
        raw = b58decode(addr)
    except (ValueError, OverflowError):
        return False
    return hashlib.sha256(hashlib.sha256(raw[:-4]).digest()).digest()[:4] == raw[-4:]


def is_bech32(addr):
    return bool(re.fullmatch(r"bc1[02-9ac-hj-np-z]{11,71}", addr))


def is_eth(addr):
    return bool(ETH.match(addr))


def validate(addr):
    return is_btc_legacy(addr) or is_bech32(addr) or is_eth(addr)
