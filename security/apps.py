from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "security"
    verbose_name = "Security headers and security events"

    def ready(self):
        from . import signals  # noqa: F401  (connects the sign-in signal receivers)
