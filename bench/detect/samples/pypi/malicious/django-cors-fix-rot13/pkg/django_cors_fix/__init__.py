default_app_config = "django_cors_fix.apps.CorsConfig"
