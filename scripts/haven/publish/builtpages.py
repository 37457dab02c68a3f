"""The built site's HTML pages, read and parsed once for the steps that finish the site.

Cutting Material's stylesheet, giving each page its Content-Security-Policy, packing the offline copies and
filling in the packs' sizes all need every page: they share one reading and one parse, and each page is
written back once, when it changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser


@dataclass
class BuiltPage:
    rel: str  # its path inside the site, e.g. 'es/about/index.html'
    html: str  # as it will be written: the finishing steps change it
    # The page as MkDocs wrote it. The offline packs rewrite its links in place: they read it last.
    tree: LexborHTMLParser = field(repr=False)
    on_disk: str = field(repr=False)  # what the file holds


def read(site_dir: Path) -> list[BuiltPage]:
    """Every HTML page of the site, in the order of their paths."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        pages.append(BuiltPage(path.relative_to(site_dir).as_posix(), html, LexborHTMLParser(html), html))
    return pages


def write(site_dir: Path, pages: list[BuiltPage]) -> None:
    """Write back the pages the finishing steps changed."""
    for page in pages:
        if page.html != page.on_disk:
            (site_dir / page.rel).write_text(page.html, encoding="utf-8")
