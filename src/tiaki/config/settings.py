"""Django settings. The case database is SQLite (WAL) in the data directory unless DATABASE_URL
names another (PostgreSQL for a team)."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

# Resolved once, to an absolute path: everything the case keeps is found from here.
DATA_DIR = Path(os.environ.get("TIAKI_DATA_DIR") or "tiaki-data").expanduser().resolve()

# The secret key signs sessions and CSRF tokens. Given by TIAKI_SECRET_KEY, else kept in the data
# directory (``tiaki serve`` writes a random one there, private to the user), else a placeholder that
# only the command line uses: it never serves a page.
SECRET_KEY_FILE = DATA_DIR / "secret-key"


def _secret_key() -> str:
    given = os.environ.get("TIAKI_SECRET_KEY", "")
    if given:
        return given
    try:
        return SECRET_KEY_FILE.read_text().strip() or "tiaki-local-only-not-secret"
    except OSError:
        return "tiaki-local-only-not-secret"


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("TIAKI_DEBUG", "") == "1"
LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
# Behind a reverse proxy: the names the workspace is reached by (comma-separated), e.g. tiaki.example.org
EXTRA_HOSTS = [h.strip() for h in os.environ.get("TIAKI_ALLOWED_HOSTS", "").split(",") if h.strip()]
ALLOWED_HOSTS = LOOPBACK_HOSTS + EXTRA_HOSTS
if EXTRA_HOSTS and not os.environ.get("TIAKI_SECRET_KEY"):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("TIAKI_ALLOWED_HOSTS is set: set TIAKI_SECRET_KEY too (a long random value)")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.admin",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "tiaki.web",
    "tiaki.apps.audit",
    "tiaki.apps.operations",
    "tiaki.apps.access",
    "tiaki.apps.intake",
    "tiaki.apps.media",
    "tiaki.apps.subjects",
    "tiaki.apps.referrals",
    "tiaki.apps.outcomes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "tiaki.web.middleware.IdleTimeout",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "tiaki.web.middleware.ErrorPages",
    "tiaki.api.errors.JsonErrors",
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
# Assets ship inside the package (htmx, the style sheet, the scripts) and are served by the application
# itself from the installed apps' static folders: nothing to collect, nothing fetched at run time.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Signing in: a password (argon2) and a TOTP code from the second factor every user enrols at first
# sign-in. Five failed passwords for a user lock them out for 15 minutes (django-axes).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "web:signin"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "web/locked.html"
AXES_VERBOSE = False
OTP_TOTP_ISSUER = "tiaki"

# A reviewer's reveal of an item lasts this long before the view blurs again.
REVEAL_SECONDS = int(os.environ.get("TIAKI_REVEAL_SECONDS", "20"))

# A session ends after 30 minutes without a request, and when the browser closes.
SESSION_IDLE_SECONDS = int(os.environ.get("TIAKI_SESSION_IDLE_SECONDS", "1800"))
SESSION_COOKIE_AGE = 12 * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SAMESITE = "Strict"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Behind a TLS reverse proxy (docs/deployment.md): cookies only over HTTPS, HSTS, the proxy's header.
if os.environ.get("TIAKI_BEHIND_TLS_PROXY", "") == "1":
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in EXTRA_HOSTS]

# No inline script or style anywhere: everything the pages run or wear is a static file of our own.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# Dashboard charts are computed at most once a minute per operation and process.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tiaki"},
    # the dashboard's figures, shared by every server process (web/panels.py)
    "figures": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache" / "figures"),
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
}

# A failing request is logged with its traceback on standard error (the server's log).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False}},
}
CSRF_FAILURE_VIEW = "tiaki.web.errors.csrf_failure"
# Lockout counts failures per user name: behind a reverse proxy every user shares the proxy's address.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
