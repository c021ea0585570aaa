from django.db import models


class LoginAttempt(models.Model):
    username = models.CharField(max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(protocol="both", blank=True, null=True)
    session_key = models.CharField(max_length=50, blank=True)
    user_agent = models.TextField(blank=True)
    timestamp = models.DateTimeField(auto_now_add=True)
    path = models.TextField(blank=True)
