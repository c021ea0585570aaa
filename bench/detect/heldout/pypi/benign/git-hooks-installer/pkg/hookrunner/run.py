import subprocess
import sys

CHECKS = {"pre-commit": [["git", "diff", "--cached", "--check"]], "commit-msg": []}

if __name__ == "__main__":
    for cmd in CHECKS.get(sys.argv[1], []):
        if subprocess.run(cmd).returncode:
            sys.exit(1)
