def uptime():
    return open("/proc/uptime").read().split()[0]
