"""Short notification sounds for CLI tools and notebooks."""
import array
import os
import wave

_HERE = os.path.join(os.path.dirname(__file__), "sounds")


def _load(name):
    with wave.open(os.path.join(_HERE, name), "rb") as w:
        width, rate = w.getsampwidth(), w.getframerate()
        raw = w.readframes(w.getnframes())
    if width == 1:
        samples = [(b - 128) / 128.0 for b in raw]
    else:
        samples = [s / 32768.0 for s in array.array("h", raw)]
    return rate, samples


CHIME = _load("chime.wav")


def play(sound=CHIME):
    try:
        import simpleaudio
    except ImportError:
        return False
    rate, samples = sound
    pcm = array.array("h", (int(max(-1.0, min(1.0, s)) * 32767) for s in samples))
    simpleaudio.play_buffer(pcm.tobytes(), 1, 2, rate).wait_done()
    return True
