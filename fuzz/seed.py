#!/usr/bin/env python3
"""Write seed inputs for the fuzzers: every fixture package as .tar.gz and .zip, and
every lockfile fixture."""
import io, os, tarfile, zipfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, "..", "tests", "fixtures")
for target in ("archive", "scan"):
    out = os.path.join(here, "corpus", target)
    os.makedirs(out, exist_ok=True)
    for name in sorted(os.listdir(root)):
        d = os.path.join(root, name)
        if not os.path.isdir(d):
            continue
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode="w:gz") as t:
            t.add(d, arcname=name)
        open(os.path.join(out, name + ".tar.gz"), "wb").write(buf.getvalue())
        zbuf = io.BytesIO()
        with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_DEFLATED) as z:
            for dp, _, fs in os.walk(d):
                for f in fs:
                    p = os.path.join(dp, f)
                    z.write(p, os.path.relpath(p, d))
        open(os.path.join(out, name + ".zip"), "wb").write(zbuf.getvalue())

# Lockfiles of every format, for the `documents` target.
locks = os.path.join(here, "..", "tests", "lockfiles")
out = os.path.join(here, "corpus", "documents")
os.makedirs(out, exist_ok=True)
for project in sorted(os.listdir(locks)):
    for f in sorted(os.listdir(os.path.join(locks, project))):
        data = open(os.path.join(locks, project, f), "rb").read()
        open(os.path.join(out, f"{project}-{f}"), "wb").write(data)
