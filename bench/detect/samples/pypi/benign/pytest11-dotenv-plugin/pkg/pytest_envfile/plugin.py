import os
import re

_LINE = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$")


def pytest_addoption(parser):
    parser.addini("env_files", type="linelist", default=[".env.test"], help=".env files to load before tests")
    parser.addini("env_override", type="bool", default=False, help="let the files override variables already set")


def _parse(path):
    values = {}
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            if raw.lstrip().startswith("#"):
                continue
            m = _LINE.match(raw)
            if m:
                key, value = m.groups()
                if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                    value = value[1:-1]
                values[key] = value
    return values


def pytest_configure(config):
    override = config.getini("env_override")
    for name in config.getini("env_files"):
        path = os.path.join(str(config.rootpath), name)
        if not os.path.isfile(path):
            continue
        for key, value in _parse(path).items():
            if override or key not in os.environ:
                os.environ[key] = value


def pytest_report_header(config):
    return "envfile: " + ", ".join(config.getini("env_files"))
