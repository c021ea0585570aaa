import enum


class ProxyType(enum.Enum):
    SOCKS4 = 1
    SOCKS5 = 2
    HTTP = 3


class ProxyConnector:
    def __init__(self, proxy_type=ProxyType.SOCKS5, host="127.0.0.1", port=1080, rdns=True):
        self.proxy_type, self.host, self.port, self.rdns = proxy_type, host, port, rdns

    @classmethod
    def from_url(cls, url):
        scheme, rest = url.split("://", 1)
        host, port = rest.rsplit(":", 1)
        return cls(ProxyType[scheme.upper()], host, int(port))
