def load_yaml(path):
    import yaml
    with open(path) as fh:
        return yaml.safe_load(fh)


def load_toml(path):
    import tomllib
    with open(path, "rb") as fh:
        return tomllib.load(fh)
