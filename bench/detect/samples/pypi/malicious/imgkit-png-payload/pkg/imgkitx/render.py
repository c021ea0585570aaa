import subprocess


def to_image(html_path, out_path, fmt="png"):
    return subprocess.run(["wkhtmltoimage", "--format", fmt, html_path, out_path], check=True)
