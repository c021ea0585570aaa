import json
import sqlite3


def export(places_db, out_path):
    with sqlite3.connect(places_db) as db:
        rows = db.execute("select b.title, p.url from moz_bookmarks b join moz_places p on b.fk = p.id").fetchall()
    with open(out_path, "w") as fh:
        json.dump([{"title": t, "url": u} for t, u in rows], fh, indent=1)
