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

from haven.core.htmltext import map_text

_RTL_LETTER = r"\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF"
# Latin words in parentheses or quotation marks, with no right-to-left letter inside.
_LATIN_PARENTHETICAL = re.compile(
    "|".join(
        rf"{re.escape(open_)}(?=[^{close}]*[A-Za-z])[^{re.escape(open_ + close)}{_RTL_LETTER}]+{re.escape(close)}"
        for open_, close in ("()", "«»", "“”")
    )
)


def isolate_latin_parentheticals(html: str) -> str:
    return map_text(html, lambda text: _LATIN_PARENTHETICAL.sub(lambda m: f"<bdi>{m.group(0)}</bdi>", text))
