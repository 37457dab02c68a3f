"""Read an editor's text file; a file that is not UTF-8 is a finding, not a crash."""

from __future__ import annotations

from pathlib import Path

from haven.diagnostics import Diagnostic, DiagnosticsError


def read_text(path: Path, shown: str) -> str:
    """A source file's text; a file that is not UTF-8 is a finding, not a crash."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DiagnosticsError(
            [
                Diagnostic(
                    shown,
                    line,
                    "H016",
                    "this file is not UTF-8 text",
                    "save it as UTF-8 in your editor (often under 'Save with encoding')",
                )
            ]
        ) from None
