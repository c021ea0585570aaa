import socket
import os


def serve(path, handler):
    if os.path.exists(path):
        os.unlink(path)
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(path)
    s.listen()
    while True:
        conn, _ = s.accept()
        with conn:
            conn.sendall(handler(conn.recv(65536)))
