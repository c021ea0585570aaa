import json
import shutil
import subprocess
import sys

import yaml


def main():
    jq = shutil.which("jq")
    if jq is None:
        sys.exit("yq: jq is required")
    doc = yaml.safe_load(sys.stdin)
    r = subprocess.run([jq] + sys.argv[1:], input=json.dumps(doc), text=True)
    sys.exit(r.returncode)
