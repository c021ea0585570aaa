"""OAuthlib authentication support for Requests."""
__version__ = "1.3.2"


class OAuth2Session:
    def __init__(self, client_id=None, token=None, scope=None):
        self.client_id = client_id
        self.token = token or {}
        self.scope = scope

    def authorized(self):
        return bool(self.token.get("access_token"))
