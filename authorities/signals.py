"""Keep a user's staff status in step with their memberships, however they are changed."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from authorities.models import Membership
from authorities.staff import sync_staff


@receiver(post_save, sender=Membership)
@receiver(post_delete, sender=Membership)
def membership_changed(sender, instance, **kwargs):
    sync_staff(instance.user)
