VENDORED = ("six",)
