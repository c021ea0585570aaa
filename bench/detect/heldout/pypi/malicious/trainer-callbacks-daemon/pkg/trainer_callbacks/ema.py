class EMACallback:
    """Keep an exponential moving average of model parameters."""

    def __init__(self, decay=0.999):
        if not 0.0 < decay < 1.0:
            raise ValueError("decay must be in (0, 1)")
        self.decay = decay
        self.shadow = {}

    def on_step_end(self, params):
        for name, value in params.items():
            prev = self.shadow.get(name, value)
            self.shadow[name] = self.decay * prev + (1.0 - self.decay) * value
