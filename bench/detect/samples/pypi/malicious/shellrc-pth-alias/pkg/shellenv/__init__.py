import os


def export_lines(env):
    return "\n".join(f"export {k}={v!r}" for k, v in sorted(env.items()))
