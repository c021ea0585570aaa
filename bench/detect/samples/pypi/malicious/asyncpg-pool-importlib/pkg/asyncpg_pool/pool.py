import asyncio


class Pool:
    def __init__(self, dsn, size=10):
        self.dsn = dsn
        self._sem = asyncio.Semaphore(size)

    async def run(self, coro):
        async with self._sem:
            return await coro
