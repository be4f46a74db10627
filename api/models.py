"""Personal API tokens: a person's key to the read API, for Power BI and Excel.

Owned by one person. Only a digest of the secret is kept (api/tokens.py), so a token is shown
once, when it is made; the person lists and revokes their own on a page of the app. A token reads
as its owner does at the time of each request: their memberships then, nothing stored with it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(
        max_length=100, help_text="What it is for, such as “Power BI dashboard”."
    )
    # The secret's first characters, shown in the list so its owner can tell tokens apart.
    prefix = models.CharField(max_length=12, editable=False)
    # sha256 of the whole secret, in hex: looked up by it, never compared with the secret itself.
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.CheckConstraint(condition=~Q(name=""), name="api_token_has_name")]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def has_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    def is_live(self, now) -> bool:
        """Not revoked and not expired at `now`."""
        return self.revoked_at is None and (self.expires_at is None or now < self.expires_at)
