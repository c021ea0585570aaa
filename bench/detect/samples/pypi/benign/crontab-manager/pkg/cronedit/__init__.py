import subprocess


class CronTab:
    def __init__(self, user=None):
        self.user = user
        args = ["crontab", "-l"] + (["-u", user] if user else [])
        r = subprocess.run(args, capture_output=True, text=True)
        self.lines = r.stdout.splitlines() if r.returncode == 0 else []

    def add(self, schedule, command, comment=None):
        line = f"{schedule} {command}" + (f"  # {comment}" if comment else "")
        if line not in self.lines:
            self.lines.append(line)

    def remove(self, comment):
        self.lines = [l for l in self.lines if not l.endswith(f"# {comment}")]

    def write(self):
        args = ["crontab", "-"] + (["-u", self.user] if self.user else [])
        subprocess.run(args, input="\n".join(self.lines) + "\n", text=True, check=True)
