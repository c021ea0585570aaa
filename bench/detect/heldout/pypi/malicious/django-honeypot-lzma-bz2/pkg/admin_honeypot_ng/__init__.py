default_app_config = "admin_honeypot_ng.apps.HoneypotConfig"
