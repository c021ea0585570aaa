import importlib.util
import os

if "PYTHONBREAKPOINT" not in os.environ:
    for dbg in ("pudb.set_trace", "ipdb.set_trace"):
        if importlib.util.find_spec(dbg.split(".")[0]) is not None:
            os.environ["PYTHONBREAKPOINT"] = dbg
            break
