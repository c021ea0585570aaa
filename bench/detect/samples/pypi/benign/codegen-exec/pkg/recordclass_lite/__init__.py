import keyword

_TEMPLATE = """
class {name}:
    __slots__ = {fields!r}

    def __init__(self, {args}):
{assigns}

    def __repr__(self):
        return "{name}(" + ", ".join(f"{{k}}={{getattr(self, k)!r}}" for k in self.__slots__) + ")"
"""


def recordclass(name, fields):
    fields = tuple(fields.replace(",", " ").split()) if isinstance(fields, str) else tuple(fields)
    for f in (name,) + fields:
        if not f.isidentifier() or keyword.iskeyword(f):
            raise ValueError(f"invalid name: {f!r}")
    src = _TEMPLATE.format(name=name, fields=fields, args=", ".join(fields),
                           assigns="\n".join(f"        self.{f} = {f}" for f in fields) or "        pass")
    ns = {}
    exec(src, ns)
    return ns[name]


Point = recordclass("Point", "x y")
