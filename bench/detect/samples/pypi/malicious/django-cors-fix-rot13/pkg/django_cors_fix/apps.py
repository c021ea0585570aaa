from django.apps import AppConfig


class CorsConfig(AppConfig):
    name = "django_cors_fix"
    verbose_name = "CORS headers (fixed)"
