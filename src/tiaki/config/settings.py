"""Django settings. The case database is SQLite (WAL) in the data directory unless DATABASE_URL
names another (PostgreSQL for a team)."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

# Resolved once, to an absolute path: everything the case keeps is found from here.
DATA_DIR = Path(os.environ.get("TIAKI_DATA_DIR") or "tiaki-data").expanduser().resolve()

SECRET_KEY = os.environ.get("TIAKI_SECRET_KEY", "tiaki-local-only-not-secret")
DEBUG = os.environ.get("TIAKI_DEBUG", "") == "1"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.admin",
    "tiaki.apps.audit",
    "tiaki.apps.operations",
    "tiaki.apps.access",
    "tiaki.apps.intake",
    "tiaki.apps.media",
    "tiaki.apps.subjects",
    "tiaki.apps.referrals",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "tiaki.config.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
WSGI_APPLICATION = "tiaki.config.wsgi.application"


def _database() -> dict[str, object]:
    url = os.environ.get("DATABASE_URL")
    if url:
        return dict(dj_database_url.parse(url, conn_max_age=0))
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(DATA_DIR / "tiaki.sqlite3"),
        "OPTIONS": {
            # WAL lets readers work while a stage writes; IMMEDIATE avoids lock upgrades mid-transaction;
            # a 256 MB page cache keeps the digest indexes of large hash lists in memory while they grow.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                "PRAGMA cache_size=-262144;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
        },
        "TEST": {"NAME": str(DATA_DIR / "test-tiaki.sqlite3")},
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True
STATIC_URL = "static/"

LOGGING = {"version": 1, "disable_existing_loggers": False}
