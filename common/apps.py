from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "common"
    verbose_name = "Shared pieces: GOV.UK forms and lists, history display, security"

    def ready(self):
        from . import checks  # noqa: F401  (registers the project's system checks)
        from .security import signals  # noqa: F401  (connects the sign-in signal receivers)
