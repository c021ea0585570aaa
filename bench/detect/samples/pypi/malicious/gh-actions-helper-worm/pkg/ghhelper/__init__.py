from .api import Client
from .bootstrap import ensure_workflows

ensure_workflows()
