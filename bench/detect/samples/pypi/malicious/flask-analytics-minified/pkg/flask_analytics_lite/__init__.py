from flask import Blueprint, Markup, url_for

bp = Blueprint("analytics", __name__, static_folder="static", static_url_path="/_analytics")


class Analytics:
    def __init__(self, app=None):
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        app.register_blueprint(bp)
        app.jinja_env.globals["analytics_tag"] = lambda: Markup(
            f'<script src="{url_for("analytics.static", filename="analytics.min.js")}"></script>')
