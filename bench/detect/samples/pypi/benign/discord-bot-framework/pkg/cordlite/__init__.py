import os

import aiohttp

API = os.environ.get("CORDLITE_API", "https://discord-api.example.invalid/api/v10")


class Bot:
    def __init__(self, token=None, prefix="!"):
        self.token = token or os.environ["DISCORD_BOT_TOKEN"]
        self.prefix = prefix
        self.commands = {}

    def command(self, name):
        def deco(fn):
            self.commands[name] = fn
            return fn
        return deco

    async def send(self, channel_id, content):
        headers = {"Authorization": f"Bot {self.token}"}
        async with aiohttp.ClientSession(headers=headers) as s:
            async with s.post(f"{API}/channels/{channel_id}/messages", json={"content": content}) as r:
                return await r.json()
