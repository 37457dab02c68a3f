"""Findings about the sources, in the one format every Haven command prints.

A finding reads `path:line: CODE message (hint)`, so that an editor can open
the file at the line and act on it without knowing any Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

# Haven's command as an editor types it in a fresh clone (make setup installs it there, not on PATH):
# every hint that names a command starts with it, so the hint works when copied.
COMMAND = ".venv/bin/haven"


class Severity(str, Enum):
    ERROR = "error"  # must be fixed before publishing
    WARNING = "warning"  # readers are affected, but publishing may go on
    INFO = "info"  # worth knowing, nothing to fix now


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    code: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        label = "" if self.severity is Severity.ERROR else f"{self.severity.value}: "
        text = f"{self.path}:{self.line}: {self.code} {label}{self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


class DiagnosticsError(Exception):
    """Raised when sources are invalid; carries every finding, not just the first."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sorted(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))

    def __reduce__(self):
        # A parallel build's part raises it in another process: it must cross back whole.
        return DiagnosticsError, (self.diagnostics,)


def display_path(path: Path, root: Path | None = None) -> str:
    """The path as an editor sees it: relative to the project when possible."""
    path = Path(path)
    for base in filter(None, (root, Path.cwd())):
        try:
            return path.resolve().relative_to(Path(base).resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def file_being_read(exc: BaseException) -> str | None:
    """The file Haven was reading when `exc` was raised: the innermost `path` (or `page.path`) in its traceback,
    or the one a second process found in its own (haven.core.alongside)."""
    found = getattr(exc, FILE_BEING_READ, None)
    if isinstance(found, str):
        return found
    frames = []
    trace = exc.__traceback__
    while trace is not None:
        frames.append(trace.tb_frame)
        trace = trace.tb_next
    for frame in reversed(frames):
        for value in (frame.f_locals.get("path"), getattr(frame.f_locals.get("page"), "path", None)):
            if isinstance(value, (str, Path)) and str(value):
                return display_path(Path(value))
    return None


FILE_BEING_READ = "haven_file_being_read"  # an error's attribute: where a second process raised it


def line_holding(lines: list[str], needles: list[str], first_line: int = 1, default: int | None = None) -> int:
    """The number of the first line that holds the first needle found (the first needle tried first), the
    lines numbered from `first_line`; `default` (else `first_line`) when none holds any."""
    for needle in filter(None, needles):
        for number, line in enumerate(lines, start=first_line):
            if needle in line:
                return number
    return first_line if default is None else default


def errors(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity is Severity.ERROR]


def raise_for_errors(diagnostics: list[Diagnostic]) -> None:
    if errors(diagnostics):
        raise DiagnosticsError(diagnostics)
