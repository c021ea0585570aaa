CSI = "\033["


def code_to_chars(code):
    return CSI + str(code) + "m"


class AnsiCodes:
    def __init__(self):
        for name in dir(self):
            if not name.startswith("_"):
                setattr(self, name, code_to_chars(getattr(self, name)))


class AnsiFore(AnsiCodes):
    BLACK, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN, WHITE = range(30, 38)
    RESET = 39


class AnsiBack(AnsiCodes):
    BLACK, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN, WHITE = range(40, 48)
    RESET = 49


class AnsiStyle(AnsiCodes):
    BRIGHT, DIM, NORMAL, RESET_ALL = 1, 2, 22, 0


class AnsiCursor:
    def UP(self, n=1):
        return CSI + str(n) + "A"


Fore, Back, Style, Cursor = AnsiFore(), AnsiBack(), AnsiStyle(), AnsiCursor()
