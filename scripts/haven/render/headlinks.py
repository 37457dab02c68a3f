"""Language alternates live in the sitemap, not in each page's head.

Material's script fetches a sitemap.xml beside every <link rel="alternate"
hreflang> of a page (twelve failing requests on a plain host, and requests to
the live domain were they absolute). mkdocs-static-i18n already writes every
page's alternates, absolute, into /sitemap.xml, where search engines read
them; the language menu's own links keep the reader on the same page.
"""

from __future__ import annotations

import re

_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def without_alternates(html: str) -> str:
    head, marker, body = html.partition("</head>")
    return _ALTERNATE.sub("", head) + marker + body
