from . import _part1, _part2, _part3

_RAW = _part1.DATA + _part2.DATA + _part3.DATA
EMOJI = {name: chr(int(cp, 16)) for name, cp in (item.split(":") for item in _RAW.split(";") if item)}


def emojize(name):
    return EMOJI[name]
