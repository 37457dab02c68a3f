"""Keep form numbers such as I-200 or G-28 on one line.

A browser may break a line after any hyphen, and on a phone "Form I-" then
ends one line and "205" starts the next: the reader can no longer match the
number printed on the paper in their hand. No Markdown extension does this.
"""

from __future__ import annotations

import re

from haven.core.htmltext import map_text

# A capital letter or two, a hyphen, digits: I-200, I-205, I-589, G-28.
_FORM_NUMBER = re.compile(r"(?<![\w-])[A-Z]{1,2}-\d{2,4}(?![\w-])")


def keep_whole(html: str) -> str:
    return map_text(html, lambda text: _FORM_NUMBER.sub(r'<span class="haven-nowrap">\g<0></span>', text))
