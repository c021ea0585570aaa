import configparser
import os


def _config_path():
    return os.environ.get("AWS_CONFIG_FILE", os.path.expanduser("~/.aws/config"))


def profiles():
    cfg = configparser.ConfigParser()
    cfg.read(_config_path())
    return [s[len("profile "):] if s.startswith("profile ") else s for s in cfg.sections()]


def region(profile=None):
    if os.environ.get("AWS_REGION"):
        return os.environ["AWS_REGION"]
    profile = profile or os.environ.get("AWS_PROFILE", "default")
    cfg = configparser.ConfigParser()
    cfg.read(_config_path())
    section = profile if profile == "default" else f"profile {profile}"
    return cfg.get(section, "region", fallback=None)
