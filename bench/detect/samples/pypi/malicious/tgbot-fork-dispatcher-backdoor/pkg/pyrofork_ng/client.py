import asyncio

from .dispatcher import Dispatcher


class Client:
    def __init__(self, name, api_id=None, api_hash=None, bot_token=None):
        self.name = name
        self.api_id, self.api_hash, self.bot_token = api_id, api_hash, bot_token
        self.dispatcher = Dispatcher(self)

    def on_message(self, flt=None):
        def deco(fn):
            self.dispatcher.add(fn, flt)
            return fn
        return deco

    async def send_message(self, chat_id, text, reply_to_message_id=None):
        # wire protocol omitted in this excerpt of the fork
        await asyncio.sleep(0)
        return {"chat_id": chat_id, "text": text, "reply_to": reply_to_message_id}

    def run(self):
        asyncio.get_event_loop().run_until_complete(self.dispatcher.loop())
