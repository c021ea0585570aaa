import logging

COLORS = {"DEBUG": "\033[36m", "INFO": "\033[32m", "WARNING": "\033[33m", "ERROR": "\033[31m", "CRITICAL": "\033[41m"}


class ColoredFormatter(logging.Formatter):
    def format(self, record):
        return COLORS.get(record.levelname, "") + super().format(record) + "\033[0m"
