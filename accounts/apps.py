from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Users and organisations"

    def ready(self):
        import oversight.checks  # noqa: F401  (registers the project's system checks)
