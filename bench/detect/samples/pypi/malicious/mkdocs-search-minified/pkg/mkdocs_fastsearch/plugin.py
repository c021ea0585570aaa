import os

from mkdocs.plugins import BasePlugin


class FastSearchPlugin(BasePlugin):
    def on_config(self, config):
        config["extra_javascript"].append("js/search.min.js")
        return config

    def on_post_build(self, config):
        src = os.path.join(os.path.dirname(__file__), "js", "search.min.js")
        dst = os.path.join(config["site_dir"], "js")
        os.makedirs(dst, exist_ok=True)
        with open(src, "rb") as a, open(os.path.join(dst, "search.min.js"), "wb") as b:
            b.write(a.read())
