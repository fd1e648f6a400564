"""The command line's consoles: every value is printed as text, never acted on."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

from tiaki.formats.values import shown


class SafeConsole(Console):
    """A Rich console for values that come from outside (a disclosure, a partner, a token's name):
    strings are never read as markup (``markup=False`` by default), and every character that would
    act on the terminal or on the reading (an escape sequence's ESC: a link, a colour, the cursor
    moved; a direction override) is written as an escape instead (:func:`tiaki.formats.values.shown`).
    Table cells and printed strings both pass through :meth:`render_str`."""

    def __init__(self, *args: Any, markup: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, markup=markup, **kwargs)

    def render_str(self, text: str, **kwargs: Any) -> Text:
        return super().render_str(shown(text), **kwargs)
