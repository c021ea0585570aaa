"""Test fixtures shipped with httpmock-lite for users' own test suites."""
import base64
import json

SAMPLE_RESPONSES = {
    "user": json.loads(base64.b64decode("eyJpZCI6IDEsICJsb2dpbiI6ICJvY3RvIiwgIm5hbWUiOiAiT2N0byBDYXQifQ==")),
    "empty_list": json.loads(base64.b64decode("W10=")),
    "error": json.loads(base64.b64decode("eyJtZXNzYWdlIjogIk5vdCBGb3VuZCJ9")),
}


def load_samples(register):
    for name, body in SAMPLE_RESPONSES.items():
        register("GET", f"https://api.example.invalid/{name}", 200, json.dumps(body).encode())
