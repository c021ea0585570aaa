from .model import load_model, embed
