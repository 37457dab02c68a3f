"""What a reader's phone downloads before they touch a page, and the budget it must fit.

The first view is the page's HTML and everything its markup makes the browser
fetch on load: stylesheets, scripts, the icon, images that are not lazy, and
the fonts and images those stylesheets name. Sizes are gzip-compressed, as a
static host serves them. A browser test checks that the requests a page
really makes on load are exactly these, so nothing fetched by a script hides
from the count.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import re
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from haven.core import usercache

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
    return _compressed(path.read_bytes())


def _compressed(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def kept_sizes() -> usercache.KeptMap[int]:
    """Compressed sizes as this machine last measured them, by a digest of the bytes: checking the site again
    compresses only the files that changed (compressing every page was a fifth of `haven check`)."""
    path = usercache.folder("sizes") / f"gzip{GZIP_LEVEL}-zlib{zlib.ZLIB_RUNTIME_VERSION}.json"
    return usercache.KeptMap(path, lambda value: type(value) is int)


class Weigher:
    """First views of one built site: each file is compressed, and each stylesheet scanned, once.

    `kept`: sizes measured by earlier runs (kept_sizes), to use and add to (the caller saves them)."""

    def __init__(self, site_dir: Path, kept: usercache.KeptMap[int] | None = None):
        self.site_dir = site_dir
        self.kept = kept
        self._sizes: dict[str, int] = {}
        self._css_urls: dict[str, list[str]] = {}

    def first_view(self, page: str, tree: LexborHTMLParser | None = None) -> FirstView:
        """The first view of one built page; `tree` is the page already parsed, if it is."""
        tree = tree or LexborHTMLParser((self.site_dir / page).read_bytes())
        wanted = [page]
        for node in tree.css('link[rel~="stylesheet"][href], link[rel~="icon"][href], script[src], img[src]'):
            if node.tag == "img" and node.attributes.get("loading") == "lazy":
                continue
            local = site_file(node.attributes.get("href") or node.attributes.get("src") or "", page)
            if local:
                wanted.append(local)
                if local.endswith(".css"):
                    wanted += self._loaded_by(local)
        resources = []
        for path in dict.fromkeys(wanted):
            if path not in self._sizes and (self.site_dir / path).is_file():
                self._sizes[path] = self._size(self.site_dir / path)
            if path in self._sizes:
                resources.append(Resource(path, self._sizes[path]))
        return FirstView(page, tuple(resources))

    def _size(self, file: Path) -> int:
        if self.kept is None:
            return compressed_size(file)
        data = file.read_bytes()
        key = hashlib.blake2b(data, digest_size=16).hexdigest()
        return self.kept.get(key, lambda: _compressed(data))

    def _loaded_by(self, stylesheet: str) -> list[str]:
        """The fonts and images a stylesheet names (data: URIs aside)."""
        if stylesheet not in self._css_urls:
            file = self.site_dir / stylesheet
            css = file.read_text(encoding="utf-8", errors="replace") if file.is_file() else ""
            self._css_urls[stylesheet] = [
                path for path in (site_file(url, stylesheet) for url in _CSS_URL.findall(css)) if path
            ]
        return self._css_urls[stylesheet]


def site_first_views(site_dir: Path) -> list[FirstView]:
    weigher = Weigher(site_dir)
    return [weigher.first_view(path.relative_to(site_dir).as_posix()) for path in sorted(site_dir.rglob("*.html"))]


@functools.cache  # pages name a file more than once (the real site: 8,760 calls, 5,460 different)
def site_file(url: str, base: str) -> str | None:
    """The site-relative file a link in the page or file `base` leads to ('es/x/' gives
    'es/x/index.html'), or None for data: URIs and other sites."""
    if url.strip().lower().startswith("data:"):
        return None
    target = urlsplit(urljoin("https://site.invalid/" + base, url.strip()))
    if target.netloc != "site.invalid":
        return None
    path = unquote(target.path).lstrip("/")
    return path + "index.html" if not path or path.endswith("/") else path
