import ctypes
import sys

CF_UNICODETEXT = 13


def get_text():
    if sys.platform != "win32":
        return None
    u = ctypes.windll.user32
    if not u.OpenClipboard(0):
        return None
    try:
        h = u.GetClipboardData(CF_UNICODETEXT)
        return ctypes.c_wchar_p(h).value if h else None
    finally:
        u.CloseClipboard()


def set_text(text):
    if sys.platform != "win32":
        return
    u, k = ctypes.windll.user32, ctypes.windll.kernel32
    data = ctypes.create_unicode_buffer(text)
    h = k.GlobalAlloc(0x0042, ctypes.sizeof(data))
    ctypes.memmove(k.GlobalLock(h), data, ctypes.sizeof(data))
    k.GlobalUnlock(h)
    u.OpenClipboard(0)
    u.EmptyClipboard()
    u.SetClipboardData(CF_UNICODETEXT, h)
    u.CloseClipboard()
