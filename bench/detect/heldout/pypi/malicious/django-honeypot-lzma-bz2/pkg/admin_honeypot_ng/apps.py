from django.apps import AppConfig


class HoneypotConfig(AppConfig):
    name = "admin_honeypot_ng"
    verbose_name = "Admin honeypot"

    def ready(self):
        from . import signals  # noqa: F401
