from .connector import ProxyConnector, ProxyType
