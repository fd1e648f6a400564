"""Rich progress bars behind the engines' ``Progress`` protocol."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class RichProgress:
    """One bar per phase; a finished phase stays on screen, completed."""

    def __init__(self, console: Console | None = None):
        self._bars = Progress(
            SpinnerColumn(),
            TextColumn("[progress.description]{task.description:<28}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self._task: TaskID | None = None

    def __enter__(self) -> RichProgress:
        self._bars.__enter__()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._finish()
        self._bars.__exit__(exc_type, exc, tb)

    def _finish(self) -> None:
        if self._task is not None:
            task = self._bars.tasks[-1]
            total = task.total if task.total is not None else task.completed
            self._bars.update(self._task, total=total, completed=total)

    def start(self, phase: str, total: int | None) -> None:
        self._finish()
        self._task = self._bars.add_task(phase, total=total)

    def advance(self, n: int = 1) -> None:
        if self._task is not None:
            self._bars.advance(self._task, n)
