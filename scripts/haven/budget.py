"""What a reader's phone downloads before they touch a page, and the budget it must fit.

The first view is the page's HTML and everything its markup makes the browser
fetch on load: stylesheets, scripts, the icon, images that are not lazy, and
the fonts and images those stylesheets name. Sizes are gzip-compressed, as a
static host serves them. A browser test checks that the requests a page
really makes on load are exactly these, so nothing fetched by a script hides
from the count.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

LIMIT = 50_000  # bytes
GZIP_LEVEL = 6  # what common static hosts use
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


@dataclass(frozen=True)
class Resource:
    path: str  # site-relative, e.g. 'assets/stylesheets/haven.css'
    size: int  # compressed bytes


@dataclass(frozen=True)
class FirstView:
    page: str  # site-relative file, e.g. 'es/rights/at-home/index.html'
    resources: tuple[Resource, ...]  # the page itself first

    @property
    def total(self) -> int:
        return sum(resource.size for resource in self.resources)

    def heaviest(self, count: int = 3) -> str:
        top = sorted(self.resources, key=lambda resource: -resource.size)[:count]
        return ", ".join(f"{PurePosixPath(r.path).name or r.path} {r.size / 1000:.1f} KB" for r in top)


def compressed_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0))


def first_view(site_dir: Path, page: str, sizes: dict[str, int] | None = None) -> FirstView:
    """The first view of one built page (`sizes` caches compressed sizes across pages)."""
    sizes = {} if sizes is None else sizes
    tree = LexborHTMLParser((site_dir / page).read_bytes())
    wanted = [page]
    for node in tree.css('link[rel~="stylesheet"][href], link[rel~="icon"][href], script[src], img[src]'):
        if node.tag == "img" and node.attributes.get("loading") == "lazy":
            continue
        local = _local(node.attributes.get("href") or node.attributes.get("src") or "", page)
        if local:
            wanted.append(local)
            if local.endswith(".css") and (site_dir / local).is_file():
                css = (site_dir / local).read_text(encoding="utf-8", errors="replace")
                wanted += filter(None, (_local(url, local) for url in _CSS_URL.findall(css)))
    resources = []
    for path in dict.fromkeys(wanted):
        file = site_dir / path
        if file.is_file():
            if path not in sizes:
                sizes[path] = compressed_size(file)
            resources.append(Resource(path, sizes[path]))
    return FirstView(page, tuple(resources))


def site_first_views(site_dir: Path) -> list[FirstView]:
    sizes: dict[str, int] = {}
    return [first_view(site_dir, path.relative_to(site_dir).as_posix(), sizes)
            for path in sorted(site_dir.rglob("*.html"))]


def _local(url: str, base: str) -> str | None:
    """A site-relative path for a link in `base`, or None for data: URIs and other sites."""
    if not url or url.startswith(("data:", "#")):
        return None
    target = urlsplit(urljoin("https://site.invalid/" + base, url.strip()))
    if target.netloc != "site.invalid":
        return None
    path = unquote(target.path).lstrip("/")
    return path + "index.html" if not path or path.endswith("/") else path
