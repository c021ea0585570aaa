import ctypes


def message_box(text, title="Info"):
    return ctypes.windll.user32.MessageBoxW(0, text, title, 0)
