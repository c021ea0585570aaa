def _jupyter_nbextension_paths():
    return [{"section": "notebook", "src": "nbextension", "dest": "jupyter_quickform", "require": "jupyter_quickform/extension"}]


class Form:
    def __init__(self, **fields):
        self.fields = fields
