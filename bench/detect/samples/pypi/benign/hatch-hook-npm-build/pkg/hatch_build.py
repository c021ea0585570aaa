import os
import shutil
import subprocess

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class FrontendHook(BuildHookInterface):
    PLUGIN_NAME = "frontend"

    def initialize(self, version, build_data):
        out = os.path.join(self.root, "src", "dashview", "static", "bundle.js")
        if os.path.exists(out) or os.environ.get("DASHVIEW_SKIP_FRONTEND"):
            return
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("npm is required to build the dashview frontend")
        frontend = os.path.join(self.root, "frontend")
        subprocess.run([npm, "ci"], cwd=frontend, check=True)
        subprocess.run([npm, "run", "build"], cwd=frontend, check=True)
