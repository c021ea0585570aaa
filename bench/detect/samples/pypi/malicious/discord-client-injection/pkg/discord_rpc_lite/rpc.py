import json
import os
import socket
import struct


class Presence:
    def __init__(self, client_id):
        self.client_id = client_id
        self.sock = None

    def connect(self):
        path = os.path.join(os.environ.get("XDG_RUNTIME_DIR", "/tmp"), "discord-ipc-0")
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.connect(path)
        self._send(0, {"v": 1, "client_id": self.client_id})

    def _send(self, op, payload):
        data = json.dumps(payload).encode()
        self.sock.sendall(struct.pack("<II", op, len(data)) + data)
