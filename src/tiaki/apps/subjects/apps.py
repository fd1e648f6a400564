from django.apps import AppConfig


class SubjectsConfig(AppConfig):
    name = "tiaki.apps.subjects"
    label = "subjects"
