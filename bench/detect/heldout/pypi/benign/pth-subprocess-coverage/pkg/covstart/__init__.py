"""Start coverage measurement in subprocesses when COVSTART_CONFIG is set."""
import atexit
import os

_started = None


def process_startup():
    global _started
    if _started is not None:
        return _started
    config = os.environ.get("COVSTART_CONFIG")
    if not config:
        return None
    try:
        import coverage
    except ImportError:
        return None
    _started = coverage.Coverage(config_file=config, data_suffix=True)
    _started.start()
    atexit.register(_started.save)
    return _started
