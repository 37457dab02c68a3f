"""Offline language packs: one zip per language that works when opened from the phone's or computer's files
(file://), for shelters, detention visits and places without signal.

Each pack holds that language's pages, the theme's files, and its search index as a script. Links are
rewritten to name index.html (file:// shows folders, not their index page), and links to what the pack
lacks (other languages) point at the live site. Material's search needs a web worker and fetch(), which
browsers refuse from file://, so the pack's search is haven-offline-search.js over the same index.

Why not Material's offline plugin: it forces use_directory_urls: false on the whole site, loads a shim from
unpkg.com, and under mkdocs-static-i18n its index holds only the last-built language.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import posixpath
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import repeat
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal
from selectolax.lexbor import LexborHTMLParser

from haven.core import usercache
from haven.publish import searchindex
from haven.publish.builtpages import BuiltPage
from haven.render import qr, templates
from haven.sources import clock
from haven.sources.site import Site

FOLDER = "downloads"  # the packs' folder in the built site
MARKER = "<!-- haven:offline -->"  # where a page offers its language's pack
SEARCH_SCRIPT = "assets/javascripts/haven-offline-search.js"
INDEX_SCRIPT = "assets/javascripts/haven-search-index.js"
_PACK_FORMAT = "1"  # raise it when the way a pack is zipped changes: the packs kept before are not used
# Not needed from files: Material's script and search worker (replaced), source maps, the palette.
_LEFT_OUT = (
    "assets/javascripts/bundle.",
    "assets/javascripts/lunr/",
    "assets/javascripts/workers/",
    "assets/stylesheets/palette.",
)


def pack_name(lang: str) -> str:
    return f"haven-{lang}.zip"


def download_html(site: Site, lang: str, page_url: str, text: str) -> str:
    """The link to the language's pack, from the page at `page_url`; `text` says {size}."""
    before, sized, after = text.partition("{size}")
    return templates.render(
        site,
        "offline-download.html",
        href=posixpath.relpath(f"{FOLDER}/{pack_name(lang)}", page_url.rstrip("/") or "."),
        lang=lang,
        before=before,
        sized=bool(sized),
        after=after,
    )


def size_text(size: int, lang: str) -> str:
    """'250 KB', with the number written the reader's way where CLDR knows it."""
    kilobytes = round(size / 1000)
    try:
        return f"{format_decimal(kilobytes, locale=Locale.parse(lang.replace('-', '_')))} KB"
    except (UnknownLocaleError, ValueError):
        return f"{kilobytes} KB"


def fill_sizes(site: Site, pages: list[BuiltPage], sizes: dict[str, int]) -> None:
    """Write each pack's size into the online pages that offer it (the packs' own copies stay without).
    A size is known only once every page is built: until then overrides/haven/pack-size.html is empty."""
    filled = {
        templates.render(site, "pack-size.html", lang=lang, size=""): templates.render(
            site, "pack-size.html", lang=lang, size=size_text(size, lang)
        )
        for lang, size in sizes.items()
    }
    for page in pages:
        if page.rel.startswith(f"{FOLDER}/"):
            continue
        for empty, sized in filled.items():
            page.html = page.html.replace(empty, sized)


def _pages(site: Site, pages: list[BuiltPage], lang: str) -> list[BuiltPage]:
    """The language's pages."""
    others = tuple(f"{code}/" for code in site.codes if code != site.default.code)
    prefix = site.language(lang).prefix
    found = []
    for page in pages:
        # Not for readers of a copy: the editors' page, and 404 pages (files are found or not).
        if page.rel.startswith(("editors/", f"{FOLDER}/")) or page.rel.endswith("404.html"):
            continue
        if page.rel.startswith(prefix) if prefix else not page.rel.startswith(others):
            found.append(page)
    return found


def _assets(site_dir: Path) -> list[str]:
    return sorted(
        rel
        for rel in (p.relative_to(site_dir).as_posix() for p in (site_dir / "assets").rglob("*") if p.is_file())
        if not rel.startswith(_LEFT_OUT) and not rel.endswith(".map")
    )


def _local_target(href: str, page: str) -> str | None:
    """The file inside the site a relative link leads to ('…/' for a folder), or None for other links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("#") or not parts.path:
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
    folder = posixpath.basename(parts.path) in ("", ".", "..")
    return ("" if target == "." else target + "/") if folder else target


def rewrite(tree: LexborHTMLParser, page: str, files: set[str], site_url: str) -> str:
    """A page as it must be to work from files: links name index.html, and links the pack cannot follow
    go to the live site. The tree is changed in place."""
    for node in tree.css("a[href], link[href]"):
        href = node.attributes["href"] or ""
        target = _local_target(href, page)
        if target is None:
            continue
        folder = target == "" or target.endswith("/")
        file = target + "index.html" if folder else target
        parts = urlsplit(href)
        if file in files:
            path = parts.path
            if folder:  # file:// shows a folder's listing, not its index page
                path = path.rstrip("/") + "/index.html"
            node.attrs["href"] = urlunsplit(("", "", path, parts.query, parts.fragment))
        elif node.tag == "a":
            node.attrs["href"] = urlunsplit(urlsplit(urljoin(site_url, target))._replace(fragment=parts.fragment))
    loader = tree.css_first("script[data-bundle]")
    if loader is not None:
        bundle = loader.attributes["data-bundle"] or ""
        loader.attrs["data-bundle"] = bundle[: bundle.rfind("/") + 1] + posixpath.basename(SEARCH_SCRIPT)
    return tree.html or ""


def index_script(site: Site, site_dir: Path, lang: str) -> str:
    """The language's search index as a script: from file://, scripts load where fetch() is refused."""
    prefix = site.language(lang).prefix
    index = json.loads((site_dir / prefix / searchindex.INDEX).read_text(encoding="utf-8"))
    index["base"] = prefix
    return "window.havenSearchIndex=" + json.dumps(index, ensure_ascii=False, separators=(",", ":")) + ";\n"


@dataclass
class _Contents:
    pages: dict[str, str]  # rewritten for files, by path inside the site
    files: list[str]  # copied as they are


def _contents(site: Site, site_dir: Path, lang: str, pages: list[BuiltPage], assets: list[str]) -> _Contents:
    """What the language's pack holds; its pages' trees are rewritten in place."""
    own = _pages(site, pages, lang)
    # Each page's QR code picture, for groups who print flyers from the pack.
    codes = [
        page.rel.removesuffix("index.html") + qr.PNG_NAME
        for page in own
        if page.rel.rpartition("/")[2] == "index.html" and (site_dir / page.rel).with_name(qr.PNG_NAME).is_file()
    ]
    files = {page.rel for page in own} | set(assets) | set(codes) | {INDEX_SCRIPT}
    site_url = site.site_url or ""
    return _Contents({page.rel: rewrite(page.tree, page.rel, files, site_url) for page in own}, assets + codes)


def pack(site: Site, site_dir: Path, lang: str, contents: _Contents) -> Path:
    """Write the language's pack into the site's offline folder; return its path."""
    top = f"haven-{lang}/"
    entries = [(top + page, html.encode("utf-8")) for page, html in contents.pages.items()]
    entries += [(top + file, (site_dir / file).read_bytes()) for file in contents.files]
    entries.append((top + INDEX_SCRIPT, index_script(site, site_dir, lang).encode("utf-8")))
    if lang != site.default.code:
        # The pack opens at its top: index.html there leads to the language's home.
        entries.append((top + "index.html", templates.render(site, "pack-start.html", lang=lang).encode("utf-8")))
    target = site_dir / FOLDER / pack_name(lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(zipped(entries, clock.today(site)))
    return target


# Compressing a language's pages is most of a pack's time (0.04 s a language), and most builds pack the
# same files as the last one: a pack is kept under a key of everything its bytes depend on.
_KEPT_PACKS = 120  # ten sites of twelve languages; about 30 MB


def zipped(entries: list[tuple[str, bytes]], day: date) -> bytes:
    """A zip of `entries` (name, bytes), dated `day`: kept from an earlier build, or made and kept now."""
    # Dated the day of the build, not the second: the same sources give the same pack, whichever
    # process or build wrote it.
    built = (day.year, day.month, day.day, 0, 0, 0)
    key = hashlib.sha256(f"{_PACK_FORMAT}\0{zlib.ZLIB_RUNTIME_VERSION}\0{built}".encode())
    for name, data in entries:
        key.update(b"\0%d\0%s\0" % (len(data), name.encode("utf-8")))
        key.update(data)
    kept = usercache.folder("packs") / f"{key.hexdigest()}.zip"
    try:
        data = kept.read_bytes()
    except OSError:  # not kept yet
        pass
    else:
        with contextlib.suppress(OSError):
            kept.touch()  # used now: pruned last
        return data
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            entry = zipfile.ZipInfo(name, date_time=built)
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    usercache.write(kept, buffer.getvalue(), keep=_KEPT_PACKS)
    return buffer.getvalue()


def pack_all(site: Site, site_dir: Path, pages: list[BuiltPage], each: Callable = map) -> dict[str, int]:
    """Every language's pack: {language code: size in bytes}. The pages' trees are rewritten for the packs,
    so this reads them last. `each` maps `pack` over the languages (a process pool's map packs them in
    parallel)."""
    codes, assets = site.codes, _assets(site_dir)
    contents = [_contents(site, site_dir, code, pages, assets) for code in codes]
    packs = each(pack, repeat(site), repeat(site_dir), codes, contents)
    return {code: path.stat().st_size for code, path in zip(codes, packs, strict=True)}
