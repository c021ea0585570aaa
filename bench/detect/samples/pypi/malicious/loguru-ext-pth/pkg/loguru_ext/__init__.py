"""Extra sinks for loguru."""
import logging


class InterceptHandler(logging.Handler):
    def emit(self, record):
        from loguru import logger
        level = logger.level(record.levelname).name if record.levelname else record.levelno
        logger.opt(depth=6, exception=record.exc_info).log(level, record.getMessage())
