from .ctx import contexts
