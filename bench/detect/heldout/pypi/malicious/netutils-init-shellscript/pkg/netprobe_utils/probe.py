import socket
import time


def port_open(host, port, timeout=1.0):
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def tcp_ping(host, port=443, count=3):
    times = []
    for _ in range(count):
        t0 = time.perf_counter()
        if port_open(host, port):
            times.append((time.perf_counter() - t0) * 1000)
    return sum(times) / len(times) if times else None
