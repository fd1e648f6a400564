"""The one error type every reader raises for bad input.

A message always names the file, and where it can the row and the field, so that whoever produced
the input can find and fix the value without guessing.
"""

from __future__ import annotations

from tiaki.errors import Invalid


class InputError(Invalid):
    """Bad input: names the file, the row (1 = the header line of a table) and the field."""

    def __init__(self, file: str, message: str, row: int | None = None, field: str | None = None):
        self.file = file
        self.row = row
        self.field = field
        self.reason = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field is not None:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.reason}"
