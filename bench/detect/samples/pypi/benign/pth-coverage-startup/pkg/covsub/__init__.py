import os


def start():
    try:
        import coverage
    except ImportError:
        return
    coverage.process_startup()
    os.environ.setdefault("COVSUB_ACTIVE", "1")
