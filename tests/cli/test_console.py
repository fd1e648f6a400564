"""The command line's console prints what it is given as text: a value stored before the rule on typed
text, or from a disclosure, never acts on the operator's terminal."""

from __future__ import annotations

import io

from rich.table import Table

from tiaki.cli.console import SafeConsole

LINK = "\x1b]8;;http://example.org\x1b\\click\x1b]8;;\x1b\\"


def test_escape_sequences_and_direction_overrides_are_printed_as_escapes():
    out = io.StringIO()
    console = SafeConsole(file=out, width=200, force_terminal=True, color_system=None)
    table = Table("note")
    table.add_row(f"{LINK} \u202egnp.exe [bold]x[/bold]")
    console.print(table)
    console.print(f"error: {LINK} \x1b[2J\x9b1m")
    text = out.getvalue()
    assert "\x1b]8" not in text and "\x1b[2J" not in text and "\u202e" not in text and "\x9b" not in text
    assert (
        "\\x1b]8;;http://example.org\\x1b\\click" in text and "\\u202egnp.exe" in text and "\\x9b1m" in text
    )
    assert "[bold]x[/bold]" in text  # never read as markup either
