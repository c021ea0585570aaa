default_app_config = "django_live_table.apps.LiveTableConfig"
