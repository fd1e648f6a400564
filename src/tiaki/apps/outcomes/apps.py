from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "tiaki.apps.outcomes"
    label = "outcomes"
