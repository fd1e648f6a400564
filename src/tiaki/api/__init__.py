"""The REST API (django-ninja) under ``/api/``: token-authenticated, with each token acting as its
user's role and country scope in the operation a request names."""

from tiaki.api.main import api

__all__ = ["api"]
