import logging

COLORS = {"DEBUG": "\033[36m", "INFO": "\033[32m", "WARNING": "\033[33m", "ERROR": "\033[31m"}


class ColorFormatter(logging.Formatter):
    def format(self, record):
        msg = super().format(record)
        return COLORS.get(record.levelname, "") + msg + "\033[0m"


def pytest_configure(config):
    for h in logging.getLogger().handlers:
        h.setFormatter(ColorFormatter("%(levelname)s %(name)s: %(message)s"))
