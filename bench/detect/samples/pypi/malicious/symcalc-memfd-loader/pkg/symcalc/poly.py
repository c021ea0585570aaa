from fractions import Fraction


class Poly:
    """Dense univariate polynomial with rational coefficients, lowest degree first."""

    def __init__(self, coeffs):
        self.c = [Fraction(x) for x in coeffs] or [Fraction(0)]
        while len(self.c) > 1 and self.c[-1] == 0:
            self.c.pop()

    def __add__(self, other):
        n = max(len(self.c), len(other.c))
        a = self.c + [0] * (n - len(self.c))
        b = other.c + [0] * (n - len(other.c))
        return Poly([x + y for x, y in zip(a, b)])

    def __mul__(self, other):
        out = [Fraction(0)] * (len(self.c) + len(other.c) - 1)
        for i, x in enumerate(self.c):
            for j, y in enumerate(other.c):
                out[i + j] += x * y
        return Poly(out)

    def __call__(self, x):
        acc = Fraction(0)
        for coef in reversed(self.c):
            acc = acc * x + coef
        return acc

    def degree(self):
        return len(self.c) - 1
