import configparser
import os


def list_profiles():
    cfg = configparser.ConfigParser()
    cfg.read(os.path.expanduser("~/.aws/config"))
    return [s.replace("profile ", "") for s in cfg.sections()]


def current_profile():
    return os.environ.get("AWS_PROFILE", "default")
