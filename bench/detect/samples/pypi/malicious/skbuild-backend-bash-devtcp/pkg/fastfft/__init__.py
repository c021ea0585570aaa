import cmath


def fft(x):
    n = len(x)
    if n <= 1:
        return list(x)
    even, odd = fft(x[0::2]), fft(x[1::2])
    t = [cmath.exp(-2j * cmath.pi * k / n) * odd[k] for k in range(n // 2)]
    return [even[k] + t[k] for k in range(n // 2)] + [even[k] - t[k] for k in range(n // 2)]
