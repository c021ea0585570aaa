try:
    from ._native import load, loads
except ImportError:  # pure fallback
    def loads(text):
        out = {}
        for line in text.splitlines():
            if "=" in line:
                k, v = line.split("=", 1)
                out[k.strip()] = v.strip().rstrip(";").strip('"')
        return out

    def load(fh):
        return loads(fh.read())
