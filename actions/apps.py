from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "actions"
    verbose_name = "Actions, questions and recommendations"

    def ready(self):
        from . import follows_calendar  # noqa: F401  (a "By next Board" date follows the calendar)
