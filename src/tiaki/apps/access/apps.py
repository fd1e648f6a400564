from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "tiaki.apps.access"
    label = "access"
