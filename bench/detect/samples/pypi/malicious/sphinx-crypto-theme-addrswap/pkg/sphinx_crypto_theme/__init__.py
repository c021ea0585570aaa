from os import path


def setup(app):
    app.add_html_theme("crypto", path.abspath(path.dirname(__file__)))
    return {"parallel_read_safe": True}
