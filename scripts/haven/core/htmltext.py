"""Rewrite the text of rendered HTML, never its tags, attributes or code.

The page-content rewrites (bidi isolation, unbreakable form numbers) work on
the HTML that Markdown produced; a full parser would re-serialise the whole
page, so this edits only the text between tags.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Text between tags (never inside a tag, so attributes are left alone).
_TEXT = re.compile(r">([^<]+)<")
_SKIP = re.compile(r"<(pre|code|script|style)\b.*?</\1>", re.DOTALL)


def map_text(html: str, rewrite: Callable[[str], str]) -> str:
    """html with rewrite applied to each run of text outside pre, code, script and style."""

    def in_text(match: re.Match) -> str:
        return ">" + rewrite(match.group(1)) + "<"

    parts, last = [], 0
    for skipped in _SKIP.finditer(html):
        parts.append(_TEXT.sub(in_text, html[last : skipped.start()]))
        parts.append(skipped.group(0))
        last = skipped.end()
    parts.append(_TEXT.sub(in_text, html[last:]))
    return "".join(parts)
