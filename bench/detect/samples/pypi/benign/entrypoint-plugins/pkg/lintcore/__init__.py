import importlib
import importlib.metadata

BUILTIN = ("lintcore.rules.style", "lintcore.rules.imports")


def discover():
    found = {}
    for ep in importlib.metadata.entry_points(group="lintcore.plugins"):
        found[ep.name] = ep.load()
    for mod in BUILTIN:
        try:
            found[mod.rsplit(".", 1)[1]] = importlib.import_module(mod)
        except ImportError:
            pass
    return found
