import json
import os
import urllib.request
from dataclasses import dataclass, field


@dataclass
class Completion:
    model: str
    text: str
    usage: dict = field(default_factory=dict)


class Gateway:
    """Route completion calls to a provider picked by model prefix."""

    def __init__(self, base_url=None, api_key=None, timeout=30):
        self.base_url = (base_url or os.environ.get("LLM_GATEWAY_URL", "http://127.0.0.1:4000")).rstrip("/")
        self.api_key = api_key or os.environ.get("LLM_GATEWAY_KEY", "")
        self.timeout = timeout

    def complete(self, model, prompt, **params):
        body = json.dumps({"model": model, "messages": [{"role": "user", "content": prompt}], **params})
        req = urllib.request.Request(self.base_url + "/v1/chat/completions", data=body.encode(),
                                     headers={"Authorization": f"Bearer {self.api_key}",
                                              "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=self.timeout) as resp:
            data = json.load(resp)
        choice = data["choices"][0]["message"]["content"]
        return Completion(model=model, text=choice, usage=data.get("usage", {}))
