from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "tiaki.apps.audit"
    label = "audit"
