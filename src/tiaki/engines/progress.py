"""How long-running engine and service code reports progress without knowing who shows it."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def start(self, phase: str, total: int | None) -> None:
        """A new phase begins; ``total`` units of work (None when unknown)."""

    def advance(self, n: int = 1) -> None:
        """``n`` more units of the current phase are done."""


class NullProgress:
    def start(self, phase: str, total: int | None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass
