import aiohttp


class CryptoPay:
    def __init__(self, token: str, testnet: bool = False):
        self.token = token
        self.base = "https://testnet-pay.cryptbot.invalid/api" if testnet else "https://pay.cryptbot.invalid/api"
        self._session = None

    async def _call(self, method, **params):
        if self._session is None:
            self._session = aiohttp.ClientSession(headers={"Crypto-Pay-API-Token": self.token})
        async with self._session.post(f"{self.base}/{method}", json=params) as r:
            data = await r.json()
        if not data.get("ok"):
            raise RuntimeError(data.get("error"))
        return data["result"]

    async def get_me(self):
        return await self._call("getMe")

    async def create_invoice(self, asset: str, amount: str, description: str = ""):
        return await self._call("createInvoice", asset=asset, amount=amount, description=description)

    async def transfer(self, user_id: int, asset: str, amount: str, spend_id: str):
        return await self._call("transfer", user_id=user_id, asset=asset, amount=amount, spend_id=spend_id)

    async def close(self):
        if self._session:
            await self._session.close()
