"""Give Material's search dialog an accessible name (axe: aria-dialog-name).

Material's template names the search options inside the dialog but not the
dialog itself. Copying the name onto it here spares a copy of Material's whole
search template for one attribute; the accessibility test fails if a new
Material writes the dialog differently.
"""

from __future__ import annotations

import re

_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_NAME = re.compile(r'<nav class="md-search__options" aria-label="([^"]*)"')


def named(html: str) -> str:
    name = _NAME.search(html)
    if _DIALOG not in html or not name:
        return html
    return html.replace(_DIALOG, _DIALOG[:-1] + f' aria-label="{name.group(1)}">', 1)
