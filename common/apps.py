from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "common"
    verbose_name = "Shared pieces: GOV.UK forms and lists, history display, security"

    def ready(self):
        from . import checks  # noqa: F401  (registers the project's system checks)
        from .security import signals  # noqa: F401  (connects the sign-in signal receivers)

        self.connect_choice_tables()

    def connect_choice_tables(self):
        """Each save or delete of a ChoiceTable model changes the choices' version (common.choices);
        by sender, so every other model keeps Django's fast bulk delete."""
        from django.apps import apps
        from django.db.models.signals import post_delete, post_save

        from .choices import ChoiceTable, choices_changed

        for model in apps.get_models():
            if issubclass(model, ChoiceTable):
                post_save.connect(choices_changed, sender=model, dispatch_uid="choices")
                post_delete.connect(choices_changed, sender=model, dispatch_uid="choices")
