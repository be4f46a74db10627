from django.conf import settings
from django.db import models


class Person(models.Model):
    """What the provider's directory says of a person beyond Django's user: their directory
    (Entra's tenant), whether it vouches for their email, and their groups."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    tenant = models.CharField(max_length=64)
    email_verified = models.BooleanField(default=True)
    groups = models.JSONField(default=list)

    def __str__(self):
        return self.user.username
