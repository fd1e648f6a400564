from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "tiaki.apps.media"
    label = "media"
