import sqlite3


def table_names(path):
    with sqlite3.connect(path) as db:
        return [r[0] for r in db.execute("select name from sqlite_master where type='table'")]
