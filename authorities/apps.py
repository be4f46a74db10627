from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AuthoritiesConfig(AppConfig):
    name = "authorities"
    verbose_name = "Authorities and committees"

    def ready(self):
        from authorities import signals  # noqa: F401  (connects the membership receivers)


class AdminConfig(admin_apps.AdminConfig):
    """Django's admin with our site class (authorities.scoped_admin.AdminSite); named in
    INSTALLED_APPS."""

    default = False
    default_site = "authorities.scoped_admin.AdminSite"
