import pickle
import uuid

from flask.sessions import SessionInterface, SessionMixin


class RedisSession(dict, SessionMixin):
    def __init__(self, initial=None, sid=None):
        super().__init__(initial or {})
        self.sid = sid


class RedisSessionInterface(SessionInterface):
    def __init__(self, redis, prefix="session:", ttl=3600):
        self.redis, self.prefix, self.ttl = redis, prefix, ttl

    def open_session(self, app, request):
        sid = request.cookies.get(app.config.get("SESSION_COOKIE_NAME", "session"))
        if not sid:
            return RedisSession(sid=str(uuid.uuid4()))
        raw = self.redis.get(self.prefix + sid)
        return RedisSession(pickle.loads(raw) if raw else None, sid=sid)

    def save_session(self, app, session, response):
        self.redis.setex(self.prefix + session.sid, self.ttl, pickle.dumps(dict(session)))
        response.set_cookie(app.config.get("SESSION_COOKIE_NAME", "session"), session.sid, httponly=True)
