import requests


class Client:
    """Thin REST client for the voice API."""

    def __init__(self, api_key, base_url="https://api.callwire.invalid/v2"):
        self.api_key = api_key
        self.base_url = base_url.rstrip("/")
        self._s = requests.Session()
        self._s.headers["Authorization"] = "Bearer " + api_key

    def call(self, to, from_, audio_url=None):
        body = {"to": to, "from": from_}
        if audio_url:
            body["audio_url"] = audio_url
        r = self._s.post(self.base_url + "/calls", json=body, timeout=15)
        r.raise_for_status()
        return r.json()

    def hangup(self, call_id):
        r = self._s.post(f"{self.base_url}/calls/{call_id}/actions/hangup", timeout=15)
        r.raise_for_status()
        return r.json()

    def send_sms(self, to, from_, text):
        r = self._s.post(self.base_url + "/messages", json={"to": to, "from": from_, "text": text}, timeout=15)
        r.raise_for_status()
        return r.json()
