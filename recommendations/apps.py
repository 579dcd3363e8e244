from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    verbose_name = "Recommendations log"

    def ready(self):
        from . import access  # noqa: F401 (registers the rule for pages that mention them)
