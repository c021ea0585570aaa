from gradio.components.base import Component


class SolanaLogin(Component):
    EVENTS = ["login"]

    def preprocess(self, payload):
        return payload

    def postprocess(self, value):
        return value

    def example_payload(self):
        return {"publicKey": ""}

    def example_value(self):
        return {"publicKey": ""}
