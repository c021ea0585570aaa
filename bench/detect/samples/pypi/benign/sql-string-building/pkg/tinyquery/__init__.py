class Query:
    def __init__(self, table):
        self.table = table
        self._where, self._cols, self.params = [], ["*"], []

    def select(self, *cols):
        self._cols = list(cols) or ["*"]
        return self

    def where(self, col, value):
        self._where.append(col + " = ?")
        self.params.append(value)
        return self

    def sql(self):
        parts = ["SEL" + "ECT", ", ".join(self._cols), "FROM", self.table]
        if self._where:
            parts += ["WHERE", " AND ".join(self._where)]
        return " ".join(parts)


def api_url(host, *segments, **query):
    base = "/".join(["https:/", host] + [str(s) for s in segments])
    return base + ("?" + "&".join("{}={}".format(k, v) for k, v in query.items()) if query else "")
