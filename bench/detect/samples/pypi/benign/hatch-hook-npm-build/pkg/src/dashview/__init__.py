def show(df, port=8050):
    from .server import serve
    return serve(df, port)
