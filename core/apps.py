from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Site"

    def ready(self):
        from core import (  # noqa: F401
            checks,  # the deploy checks
            lookups,  # the integer `__in` lookup
            sessions,  # a sign-in starts the session's refresh interval
        )
