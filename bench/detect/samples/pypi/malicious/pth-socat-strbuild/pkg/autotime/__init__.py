def load_ipython_extension(ip):
    pass
