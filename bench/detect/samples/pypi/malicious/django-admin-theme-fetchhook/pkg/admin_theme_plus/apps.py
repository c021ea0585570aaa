from django.apps import AppConfig


class ThemeConfig(AppConfig):
    name = "admin_theme_plus"
