"""The pages that keep moved pages' old addresses working (data/redirects.yml), in every language."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urljoin

from haven.render import templates
from haven.sources.addresses import Addresses, page_url
from haven.sources.site import Site


def pages(site: Site, addresses: Addresses) -> dict[str, str]:
    """{file inside the site: its HTML}, for every redirect in every language."""
    found = {}
    for language in site.languages:
        for redirect, _ in addresses.redirects:
            old, new = language.prefix + page_url(redirect.old), language.prefix + page_url(redirect.new)
            found[old + "index.html"] = templates.render(
                site,
                "redirect.html",
                lang=language.code,
                target=posixpath.relpath(new or ".", old or ".") + "/",
                canonical=urljoin(site.site_url, new) if site.site_url else None,
            )
    return found


def write(site_dir: Path, pages: dict[str, str]) -> None:
    for rel, html in pages.items():
        target = site_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
