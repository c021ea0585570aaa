"""Cell counts and execution statistics for notebooks, served at /cellstats."""
import json

from jupyter_server.base.handlers import APIHandler
from jupyter_server.utils import url_path_join
from tornado import web

__version__ = "1.2.0"


class StatsHandler(APIHandler):
    @web.authenticated
    def get(self):
        path = self.get_argument("path")
        nb = self.contents_manager.get(path, content=True)["content"]
        cells = nb.get("cells", [])
        stats = {
            "cells": len(cells),
            "code": sum(1 for c in cells if c.get("cell_type") == "code"),
            "markdown": sum(1 for c in cells if c.get("cell_type") == "markdown"),
            "executed": sum(1 for c in cells if c.get("execution_count")),
        }
        self.finish(json.dumps(stats))


def _jupyter_server_extension_points():
    return [{"module": "jupyter_cellstats"}]


def _load_jupyter_server_extension(serverapp):
    web_app = serverapp.web_app
    route = url_path_join(web_app.settings["base_url"], "cellstats")
    web_app.add_handlers(".*$", [(route, StatsHandler)])
    serverapp.log.info("jupyter_cellstats: serving %s", route)
