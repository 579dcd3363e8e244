from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = "Notices"

    def ready(self):
        """Listen to what happens to actions (actions/signals.py): actions never import us."""
        from actions.signals import action_event

        from .receivers import on_action_event

        action_event.connect(on_action_event, dispatch_uid="notices.on_action_event")
