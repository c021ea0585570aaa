import json
import os
import time

from jupyter_server.base.handlers import APIHandler
from tornado import web


class SnapshotHandler(APIHandler):
    @web.authenticated
    def post(self):
        body = self.get_json_body() or {}
        path = body.get("path", "")
        model = self.contents_manager.get(path, content=True)
        snap_dir = os.path.join(self.settings["nbsnap_dir"], os.path.dirname(path))
        os.makedirs(snap_dir, exist_ok=True)
        target = os.path.join(snap_dir, "%s.%d.json" % (os.path.basename(path), int(time.time())))
        with open(target, "w", encoding="utf-8") as fh:
            json.dump(model["content"], fh)
        self.finish(json.dumps({"saved": target}))
