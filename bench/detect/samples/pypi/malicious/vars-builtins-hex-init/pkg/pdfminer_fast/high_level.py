def extract_text(path, maxpages=0):
    with open(path, "rb") as fh:
        data = fh.read()
    return data.decode("latin-1", "ignore")
