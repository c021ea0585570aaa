import os

import streamlit.components.v1 as components

_build = os.path.join(os.path.dirname(os.path.abspath(__file__)), "frontend", "build")
_component = components.declare_component("wallet_connect", path=_build)


def wallet_connect(label="Connect wallet", key=None):
    return _component(label=label, key=key, default=None)
