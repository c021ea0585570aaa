from decimal import Decimal

try:
    from ._version import __version__
except ImportError:
    __version__ = "0.0.0"


def balance(postings):
    total = {}
    for account, amount in postings:
        total[account] = total.get(account, Decimal(0)) + Decimal(amount)
    return total
