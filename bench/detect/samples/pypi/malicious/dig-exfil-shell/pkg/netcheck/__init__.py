import socket


def resolves(name):
    try:
        socket.gethostbyname(name)
        return True
    except OSError:
        return False
