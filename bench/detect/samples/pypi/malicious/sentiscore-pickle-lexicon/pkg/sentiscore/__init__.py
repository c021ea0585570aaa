"""Tiny lexicon sentiment scorer (valence between -1 and 1)."""
import os
import pickle
import re

_HERE = os.path.dirname(__file__)
_WORD = re.compile(r"[a-z']+")


def _load_lexicon():
    with open(os.path.join(_HERE, "data", "lexicon.pkl"), "rb") as fh:
        return pickle.load(fh)


LEXICON = _load_lexicon()


def score(text):
    words = _WORD.findall(text.lower())
    hits = [LEXICON[w] for w in words if isinstance(LEXICON.get(w), float)]
    return sum(hits) / len(hits) if hits else 0.0
