import math


class Quasar:
    def __init__(self, redshift):
        self.z = redshift

    def distance_mpc(self, h0=70.0):
        return (299792.458 * self.z) / h0

    def luminosity(self, flux):
        return 4 * math.pi * (self.distance_mpc() * 3.086e24) ** 2 * flux
