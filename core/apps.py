from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Site"

    def ready(self):
        from core import (
            lookups,  # noqa: F401  (registers the integer `__in` lookup)
            sessions,  # noqa: F401  (a sign-in starts the session's refresh interval)
        )
