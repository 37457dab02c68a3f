"""Offline language packs: each language's zip holds every page of that language, and every link inside
it leads to a file in the pack or to the live site."""

from __future__ import annotations

import posixpath
import re
import zipfile
from urllib.parse import unquote, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

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
