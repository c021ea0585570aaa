import logging

log = logging.getLogger(__name__)


def ignore_bots(body, next):
    if body.get("event", {}).get("bot_id"):
        return
    next()


def log_requests(logger, body, next):
    logger.debug(body)
    next()
