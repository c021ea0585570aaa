LENGTH = {"m": 1.0, "km": 1000.0, "cm": 0.01, "mm": 0.001, "in": 0.0254, "ft": 0.3048, "yd": 0.9144, "mi": 1609.344}
MASS = {"kg": 1.0, "g": 0.001, "lb": 0.45359237, "oz": 0.028349523125, "t": 1000.0}
TIME = {"s": 1.0, "min": 60.0, "h": 3600.0, "d": 86400.0}
TABLES = {"length": LENGTH, "mass": MASS, "time": TIME}


def convert(value, src, dst):
    for table in TABLES.values():
        if src in table and dst in table:
            return value * table[src] / table[dst]
    raise ValueError(f"cannot convert {src} to {dst}")
