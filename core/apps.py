from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Site"

    def ready(self):
        from core import lookups  # noqa: F401  (registers the integer `__in` lookup)


class AdminConfig(admin_apps.AdminConfig):
    """Django's admin with our site class (core.admin.AdminSite); named in INSTALLED_APPS."""

    default = False
    default_site = "core.admin.AdminSite"
