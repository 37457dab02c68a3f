"""Every change Haven makes to the HTML Material writes, in one place, each pinned by a test.

Material's templates are used as they are wherever a template block allows it (overrides/main.html). The
three changes below have no block to hook into; each finds Material's exact markup, and leaves a page as
it is when a new Material writes it differently (tests/test_material_output.py then fails).
"""

from __future__ import annotations

import json
import re

_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_DIALOG_NAME = re.compile(r'<nav class="md-search__options" aria-label="([^"]*)"')
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def finished(html: str) -> str:
    """A page or a 404 page as Haven publishes it; a page's search also needs search_in_language."""
    return named_search_dialog(without_alternates(html))


def without_alternates(html: str) -> str:
    """Language alternates live in the sitemap, not in each page's head.

    Material's script fetches a sitemap.xml beside every <link rel="alternate" hreflang> of a page (twelve
    failing requests on a plain host, and requests to the live domain were they absolute).
    mkdocs-static-i18n already writes every page's alternates, absolute, into /sitemap.xml, where search
    engines read them; the language menu's own links keep the reader on the same page.
    """
    head, marker, body = html.partition("</head>")
    return _ALTERNATE.sub("", head) + marker + body


def named_search_dialog(html: str) -> str:
    """Give Material's search dialog an accessible name (axe: aria-dialog-name).

    Material's template names the search options inside the dialog but not the dialog itself. Copying the
    name onto it here spares a copy of Material's whole search template for one attribute.
    """
    name = _DIALOG_NAME.search(html)
    if _DIALOG not in html or not name:
        return html
    return html.replace(_DIALOG, _DIALOG[:-1] + f' aria-label="{name.group(1)}">', 1)


def search_in_language(html: str, lang: str, default: str) -> str:
    """Point a page's search at its language's own index (haven.publish.searchindex): "base": "../.."
    becomes "../../es/"."""
    if lang == default:
        return html

    def rebase(match: re.Match) -> str:
        config = json.loads(match.group(2))
        config["base"] = config["base"].rstrip("/") + f"/{lang}/"
        return match.group(1) + json.dumps(config) + match.group(3)

    return _CONFIG.sub(rebase, html, count=1)
