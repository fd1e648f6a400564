from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "tiaki.apps.operations"
    label = "operations"
