"""Read an editor's text file as the editor meant it, or say in one line why it cannot be read.

Harmless differences between editors are undone here, once: a byte-order mark (some Windows editors write
one), CRLF or CR line endings, and decomposed (NFD) letters, which macOS may write; Unicode's NFC form is
kept, so the same text always compares and hashes the same. A file that is not UTF-8 text, or too big to be
a page or a data file, is a finding, not a crash.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from haven.core.diagnostics import Diagnostic, DiagnosticsError

# Far above the largest page or data file (about 40 KB); a bigger one is a mistake, and would slow every build.
MAX_BYTES = 1_000_000


def read_text(path: Path, shown: str) -> str:
    """A source file's text: UTF-8, without a byte-order mark, lines ending in \\n, letters in NFC."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _finding(
            shown,
            1,
            "H017",
            f"this file is {size // 1000:,} KB, over the {MAX_BYTES // 1000:,} KB a page or a data file may have",
            "split it into several pages or files",
        )
    return decode(path.read_bytes(), shown)


def decode(data: bytes, shown: str) -> str:
    """The text of a file's bytes, as `read_text` gives it: also an older version of the file, from git."""
    if b"\0" in data:
        raise _finding(
            shown,
            1,
            "H016",
            "this file holds binary data, not text",
            "pages are text files saved as UTF-8; put pictures in docs/ under their own names",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _finding(
            shown,
            data[: exc.start].count(b"\n") + 1,
            "H016",
            "this file is not UTF-8 text",
            "save it as UTF-8 in your editor (often under 'Save with encoding')",
        ) from None
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _finding(shown: str, line: int, code: str, message: str, hint: str) -> DiagnosticsError:
    return DiagnosticsError([Diagnostic(shown, line, code, message, hint)])
