from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "questions"
    verbose_name = "Performance questions"

    def ready(self):
        from . import signals  # noqa: F401  (a "By next Board" date follows the calendar)
