from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "tiaki.apps.referrals"
    label = "referrals"
