from django.apps import AppConfig


class AuthoritiesConfig(AppConfig):
    name = "authorities"
    verbose_name = "Authorities and committees"

    def ready(self):
        from authorities import signals  # noqa: F401  (connects the membership receivers)
