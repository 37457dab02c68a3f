"""Split a Markdown page into its YAML front matter and its body.

MkDocs catches every error in front matter and publishes the broken header as
text; Haven reads the header itself and stops the build instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from haven.core import yamlsource
from haven.core.diagnostics import Diagnostic, DiagnosticsError

_FENCE = re.compile(r"^---[ \t]*$")
_END = re.compile(r"^(---|\.\.\.)[ \t]*$")


@dataclass(frozen=True)
class Page:
    header: yamlsource.YamlDocument | None
    body: str
    body_line: int  # file line where the body starts


def split(text: str, path: str) -> Page:
    lines = text.splitlines(keepends=True)
    if not lines or not _FENCE.match(lines[0].rstrip("\r\n")):
        return Page(header=None, body=text, body_line=1)
    for index, line in enumerate(lines[1:], start=1):
        if _END.match(line.rstrip("\r\n")):
            header_text = "".join(lines[1:index])
            header = yamlsource.parse(header_text, path, first_line=2)
            return Page(header=header, body="".join(lines[index + 1 :]), body_line=index + 2)
    raise DiagnosticsError(
        [
            Diagnostic(
                path,
                1,
                "H010",
                "the front matter that starts here is never closed",
                "add a line with only '---' after the last front-matter field",
            )
        ]
    )
