default_app_config = "admin_theme_plus.apps.ThemeConfig"
