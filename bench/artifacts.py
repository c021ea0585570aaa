"""Artifacts the loopback registries of the bench scripts serve (built in memory)."""
import io
import tarfile


def tgz(files):
    """An npm tarball: `files` (name -> bytes) under `package/`, with a fixed mtime."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as t:
        for name, data in files.items():
            info = tarfile.TarInfo("package/" + name)
            info.size = len(data)
            info.mtime = 1_700_000_000
            t.addfile(info, io.BytesIO(data))
    return buf.getvalue()
