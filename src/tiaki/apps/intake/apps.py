from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "tiaki.apps.intake"
    label = "intake"
