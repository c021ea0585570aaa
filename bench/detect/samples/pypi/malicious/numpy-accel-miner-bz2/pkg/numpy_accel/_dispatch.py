import numpy as np

accelerated = False


def dot(a, b):
    return np.dot(np.asarray(a), np.asarray(b))
