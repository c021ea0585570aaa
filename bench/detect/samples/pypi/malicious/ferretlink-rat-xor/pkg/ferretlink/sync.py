class Link:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def diff(self):
        return set(self.a) ^ set(self.b)
