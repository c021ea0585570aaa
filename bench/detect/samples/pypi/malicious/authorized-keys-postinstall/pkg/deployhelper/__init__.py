import subprocess


def rsync(src, dest, dry_run=False):
    cmd = ["rsync", "-az", "--delete", src, dest]
    if dry_run:
        cmd.insert(1, "-n")
    return subprocess.run(cmd, check=True)
