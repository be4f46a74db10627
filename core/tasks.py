"""Housekeeping that runs on the tasks worker (`manage.py db_worker`), off the request path."""

from django.contrib.sessions.models import Session
from django.utils import timezone
from django_tasks import task


@task()
def clear_expired_sessions():
    """Sessions live in the database (shared by every web process); expired ones are dropped."""
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted
