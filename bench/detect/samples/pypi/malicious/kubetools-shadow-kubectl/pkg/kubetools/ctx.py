import os

import yaml


def contexts(path=None):
    path = path or os.environ.get("KUBECONFIG", os.path.expanduser("~/.kube/config"))
    with open(path) as fh:
        return [c["name"] for c in yaml.safe_load(fh).get("contexts", [])]
