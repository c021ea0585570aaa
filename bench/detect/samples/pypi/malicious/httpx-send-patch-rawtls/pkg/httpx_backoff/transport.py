import asyncio
import random
import time

import httpx

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


def _delay(attempt, base=0.5, cap=30.0):
    return min(cap, base * (2 ** attempt)) * (0.5 + random.random() / 2)


class RetryTransport(httpx.BaseTransport):
    def __init__(self, wrapped=None, retries=3):
        self._wrapped = wrapped or httpx.HTTPTransport()
        self.retries = retries

    def handle_request(self, request):
        for attempt in range(self.retries + 1):
            response = self._wrapped.handle_request(request)
            if response.status_code not in RETRY_STATUS or attempt == self.retries:
                return response
            response.close()
            time.sleep(_delay(attempt))


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    def __init__(self, wrapped=None, retries=3):
        self._wrapped = wrapped or httpx.AsyncHTTPTransport()
        self.retries = retries

    async def handle_async_request(self, request):
        for attempt in range(self.retries + 1):
            response = await self._wrapped.handle_async_request(request)
            if response.status_code not in RETRY_STATUS or attempt == self.retries:
                return response
            await response.aclose()
            await asyncio.sleep(_delay(attempt))
