"""Text a person writes into a form, a request or a command (a note, a reason, an agency's name), as
every service takes it: :func:`tiaki.formats.values.typed_text`, stripped, refused naming the field."""

from __future__ import annotations

from tiaki.errors import Invalid
from tiaki.formats.values import typed_text


def typed(name: str, text: str) -> str:
    """``text`` with its line endings made ``\\n`` and stripped; :class:`Invalid` naming ``name`` when
    it holds a character that would act on a terminal or on the reading instead of being read."""
    try:
        return typed_text(text).strip()
    except ValueError as exc:
        raise Invalid(f"{name}: {exc}") from None
