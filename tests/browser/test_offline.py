"""Offline packs opened from files (file://) in Chromium at 360 px, as a reader who unzipped one would:
pages, the links between them, and search in the pack's language, with no request to anyone."""

from __future__ import annotations

import json
import re
import unicodedata
import zipfile
from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from browser.phone import Phone
from haven.publish import offline

pytestmark = pytest.mark.browser

QUERIES = {"en": "warrant", "es": "abogado", "ar": "محامي"}


def plain(text: str) -> str:
    """As the pack's search compares: lower case, without accents, Arabic vowel marks or zero-width spaces."""
    return re.sub("[\u0300-\u036f\u064b-\u065f\u0670\u200b]", "", unicodedata.normalize("NFD", text.lower()))


def sections_containing(index_script: str, word: str) -> int:
    index = json.loads(index_script.removeprefix("window.havenSearchIndex=").rstrip(";\n"))
    return sum(
        plain(word) in plain(doc["title"] + " " + HTMLParser(doc["text"] or "<p></p>").text()) for doc in index["docs"]
    )


@pytest.mark.parametrize("lang", QUERIES)
def test_an_unzipped_pack_opens_from_files_with_working_links_and_search(browser, real_site, tmp_path, lang):
    site_dir, _ = real_site
    with zipfile.ZipFile(site_dir / offline.FOLDER / offline.pack_name(lang)) as pack:
        pack.extractall(tmp_path)
    top = tmp_path / f"haven-{lang}"
    phone = Phone(browser)
    page = phone.visit((top / "index.html").as_uri())
    page.wait_for_function(f"document.documentElement.lang === {lang!r}")
    home = page.url
    assert home.startswith("file://") and home.endswith("index.html"), home

    # Links between pages open pages of the pack, in the same language: the directory, a topic.
    page.locator("article a[href*='help/legal-help/']").first.click()
    page.wait_for_url("**/help/legal-help/index.html")
    assert page.locator(".haven-org").count() > 10
    page.go_back()
    page.locator("article a[href*='rights/at-home/']").first.click()
    page.wait_for_url("**/rights/at-home/index.html")
    assert page.evaluate("document.documentElement.lang") == lang

    # Search, in the pack's language only.
    word = QUERIES[lang]
    page.locator("label.md-header__button[for=__search]").click()
    query = page.locator("input[data-md-component=search-query]")
    query.wait_for(state="visible")
    query.fill(word)
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for()
    expected = sections_containing((top / offline.INDEX_SCRIPT).read_text(encoding="utf-8"), word)
    assert results.count() == min(expected, 30) and expected > 0
    assert all(urlsplit(results.nth(i).get_attribute("href")).scheme == "file" for i in range(results.count()))
    results.first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(top.as_uri()) and page.evaluate("document.documentElement.lang") == lang
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert [url for url in phone.requests if not url.startswith("file://")] == []
    phone.close()
