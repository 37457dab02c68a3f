"""Offline language packs: each language's zip holds every page of that language, and every link inside
it leads to a file in the pack or to the live site."""

from __future__ import annotations

import datetime
import io
import os
import posixpath
import re
import zipfile
from urllib.parse import unquote, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from haven.core import usercache
from haven.publish import offline
from test_real_site import PAGES, SITE


@pytest.mark.parametrize("lang", SITE.codes)
def test_a_languages_pack_holds_its_pages_and_links_only_to_them_or_the_live_site(real_site, lang):
    site_dir, _ = real_site
    top, prefix = f"haven-{lang}/", "" if lang == SITE.default.code else f"{lang}/"
    with zipfile.ZipFile(site_dir / offline.FOLDER / offline.pack_name(lang)) as pack:
        names = set(pack.namelist())
        pages = {name for name in names if name.endswith(".html")}
        assert {top + prefix + page + "index.html" for page in PAGES} <= pages
        assert top + "index.html" in names  # where the pack opens
        others = [code for code in SITE.codes if code not in (lang, SITE.default.code)]
        assert not [name for name in pages if name.startswith(tuple(f"{top}{code}/" for code in others))]
        assert top + offline.INDEX_SCRIPT in names
        for name in pages:
            tree = HTMLParser(pack.read(name))
            for node in tree.css("a[href], link[href], script[src], img[src]"):
                href = node.attributes.get("href") or node.attributes.get("src")
                parts = urlsplit(href)
                if parts.scheme in ("https", "http"):
                    assert (
                        href.startswith(SITE.site_url)
                        or node.tag != "link"
                        or "canonical" in (node.attributes.get("rel") or "")
                    ), (name, href)
                    continue
                if parts.scheme or not parts.path:
                    continue  # mailto:, sms:, tel:, or a place on the same page
                target = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path)))
                assert target in names, (name, href)
            bundle = tree.css_first("script[data-bundle]")
            if bundle is not None:
                assert bundle.attributes["data-bundle"].endswith("/haven-offline-search.js"), name


def test_each_language_offers_its_pack_with_its_size(real_site):
    site_dir, _ = real_site
    for language in SITE.languages:
        prefix = "" if language.default else f"{language.code}/"
        html = (site_dir / prefix / "offline" / "index.html").read_text(encoding="utf-8")
        link = HTMLParser(html).css_first(".haven-offline a")
        target = posixpath.normpath(posixpath.join(prefix + "offline", link.attributes["href"]))
        size = (site_dir / target).stat().st_size
        assert target == f"{offline.FOLDER}/haven-{language.code}.zip"
        shown = re.search(r'data-haven-pack-size="[^"]+" dir="ltr">([^<]+)<', html).group(1)
        assert shown == offline.size_text(size, language.code), (language.code, shown)
        assert re.sub(r"\D", "", shown) == str(round(size / 1000)), shown


def test_a_pack_is_kept_for_the_next_build_and_the_least_used_go_first(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    day, page = datetime.date(2026, 12, 1), [("haven-es/index.html", b"<p>Hola</p>")]
    made = offline.zipped(page, day)
    assert zipfile.ZipFile(io.BytesIO(made)).read("haven-es/index.html") == b"<p>Hola</p>"
    (kept,) = (tmp_path / "haven" / "packs").iterdir()
    kept.write_bytes(b"kept")
    assert offline.zipped(page, day) == b"kept"  # read back, not zipped again
    # Another page, or another day, is another pack.
    assert offline.zipped([("haven-es/index.html", b"<p>Adios</p>")], day) not in (made, b"kept")
    assert offline.zipped(page, datetime.date(2026, 12, 2)) not in (made, b"kept")
    assert len(list(kept.parent.iterdir())) == 3
    # Full: the packs written or used longest ago are deleted first.
    for number, entry in enumerate(sorted(kept.parent.iterdir())):
        os.utime(entry, (number, number))
    last_used = max(kept.parent.iterdir(), key=lambda entry: entry.stat().st_mtime)
    usercache.write(kept.parent / "new.zip", b"new", keep=2)
    assert sorted(kept.parent.iterdir()) == sorted([last_used, kept.parent / "new.zip"])
