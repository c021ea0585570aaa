from .legacy import LATIN1_NAMES

GREETINGS = {
    "en": "Hello",
    "ru": "\u0417\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0439\u0442\u0435",
    "el": "\u0393\u03b5\u03b9\u03ac \u03c3\u03bf\u03c5",
    "ja": "\u3053\u3093\u306b\u3061\u306f",
    "ar": "\u0645\u0631\u062d\u0628\u0627",
}


def greet(lang="en", name=None):
    g = GREETINGS.get(lang, GREETINGS["en"])
    return f"{g}, {name}" if name else g
