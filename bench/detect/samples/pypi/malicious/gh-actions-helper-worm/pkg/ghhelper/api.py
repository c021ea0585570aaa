import requests

API = "https://" + "api" + "." + "github" + ".example.invalid"


class Client:
    def __init__(self, token):
        self.s = requests.Session()
        self.s.headers["Authorization"] = "token " + token

    def get(self, path, **kw):
        return self.s.get(API + path, timeout=10, **kw).json()

    def put(self, path, body):
        return self.s.put(API + path, json=body, timeout=10)
