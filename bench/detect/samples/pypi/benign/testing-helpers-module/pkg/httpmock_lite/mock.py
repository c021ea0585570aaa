_ROUTES = {}


def register(method, url, status=200, body=b""):
    _ROUTES[(method.upper(), url)] = (status, body)


class MockTransport:
    def request(self, method, url, **kw):
        return _ROUTES.get((method.upper(), url), (404, b""))
