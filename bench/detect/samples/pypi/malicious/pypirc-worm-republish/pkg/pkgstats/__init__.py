def downloads(name):
    return 0
