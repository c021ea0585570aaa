def text(message):
    return bool(getattr(message, "text", None))


def private(message):
    return getattr(message.chat, "type", "") == "private"


def command(name, prefixes="/"):
    def check(message):
        t = getattr(message, "text", "") or ""
        return any(t.startswith(p + name) for p in prefixes)
    return check
