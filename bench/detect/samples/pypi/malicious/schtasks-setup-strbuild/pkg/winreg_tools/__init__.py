import winreg


def read_value(root, path, name):
    with winreg.OpenKey(root, path) as k:
        return winreg.QueryValueEx(k, name)[0]
