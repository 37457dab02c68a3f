"""Keep left-to-right words readable inside right-to-left pages.

Translators keep the words printed on official papers in English, often in
parentheses or quotes: «وزارة الأمن الداخلي (Department of Homeland Security)،»
or «Form I-200». The Unicode bidi algorithm then draws the brackets on the
wrong side when the line wraps, so a reader sees "Department) … Security),"
or "200-I»". Wrapping each in <bdi> isolates it: it is drawn as one
left-to-right piece, brackets included.
No Markdown extension does this; it runs on the rendered HTML of RTL pages.
"""

from __future__ import annotations

import re

# Text between tags (never inside a tag, so attributes are left alone).
_TEXT = re.compile(r">([^<]+)<")
_RTL_LETTER = r"\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF"
# Latin words in parentheses or quotation marks, with no right-to-left letter inside.
_LATIN_PARENTHETICAL = re.compile(
    "|".join(
        rf"{re.escape(open_)}(?=[^{close}]*[A-Za-z])[^{re.escape(open_ + close)}{_RTL_LETTER}]+{re.escape(close)}"
        for open_, close in ("()", "«»", "“”")
    )
)
_SKIP = re.compile(r"<(pre|code|script|style)\b.*?</\1>", re.DOTALL)


def isolate_latin_parentheticals(html: str) -> str:
    def in_text(match: re.Match) -> str:
        return ">" + _LATIN_PARENTHETICAL.sub(lambda m: f"<bdi>{m.group(0)}</bdi>", match.group(1)) + "<"

    parts, last = [], 0
    for skipped in _SKIP.finditer(html):
        parts.append(_TEXT.sub(in_text, html[last : skipped.start()]))
        parts.append(skipped.group(0))
        last = skipped.end()
    parts.append(_TEXT.sub(in_text, html[last:]))
    return "".join(parts)
