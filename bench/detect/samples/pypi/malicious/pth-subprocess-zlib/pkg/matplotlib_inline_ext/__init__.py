def configure(fmt="svg"):
    return fmt
