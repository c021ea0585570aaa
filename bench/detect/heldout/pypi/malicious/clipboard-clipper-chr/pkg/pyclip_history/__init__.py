from .history import History
from .watch import start_watcher

start_watcher()
