try:
    from ._crc import crc32c
except ImportError:
    _POLY = 0x82F63B78

    def crc32c(data, crc=0):
        crc ^= 0xFFFFFFFF
        for b in data:
            crc ^= b
            for _ in range(8):
                crc = (crc >> 1) ^ (_POLY & -(crc & 1))
        return crc ^ 0xFFFFFFFF
