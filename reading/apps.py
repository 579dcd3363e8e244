from django.apps import AppConfig


class ReadingConfig(AppConfig):
    name = "reading"
    verbose_name = "Reading letters"
