from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Site"

    def ready(self):
        from core import checks, lookups  # noqa: F401  (register the deploy checks and `__in`)
