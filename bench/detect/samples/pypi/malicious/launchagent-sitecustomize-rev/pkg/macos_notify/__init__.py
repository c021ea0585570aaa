import subprocess


def notify(title, text):
    script = f'display notification "{text}" with title "{title}"'
    subprocess.run(["osascript", "-e", script], check=False)
