from .colour import colored, cprint
