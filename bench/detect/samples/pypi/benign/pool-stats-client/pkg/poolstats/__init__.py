import requests

DEFAULT_API = "https://api.pool.example.invalid/v1"


class Pool:
    def __init__(self, wallet, api=DEFAULT_API):
        self.wallet = wallet
        self.api = api.rstrip("/")

    def _get(self, path):
        r = requests.get(f"{self.api}/{path}", timeout=10)
        r.raise_for_status()
        return r.json()

    def hashrate(self):
        return self._get(f"miner/{self.wallet}/currentStats")["hashrate"]

    def workers(self):
        return [w["worker"] for w in self._get(f"miner/{self.wallet}/workers")]

    def payouts(self):
        return self._get(f"miner/{self.wallet}/payouts")
