"""Search on a 360 px phone: nothing loads until the reader opens it, then only their language."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest

from browser.phone import Phone

pytestmark = pytest.mark.browser

# Words that readers would type, found inside sentences of pages in each language.
# Chinese is written without spaces: 律师 (lawyer) and 令状 (warrant) stand alone nowhere.
QUERIES = [("en", "warrant"), ("es", "abogado"), ("ar", "محامي"), ("zh", "律师"), ("zh", "令状")]


def pages_containing(site_dir, prefix: str, word: str) -> set[str]:
    """The pages of one language whose indexed title or text holds the word."""
    index = json.loads((site_dir / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {
        doc["location"].split("#")[0]
        for doc in index["docs"]
        if word in (doc["title"] + doc["text"]).replace("\u200b", "").lower()
    }


@pytest.mark.parametrize("lang,word", QUERIES)
def test_search_loads_on_demand_and_finds_pages_in_the_readers_language_only(browser, real_site, lang, word):
    site_dir, base = real_site
    prefix = "" if lang == "en" else f"{lang}/"
    phone = Phone(browser)
    page = phone.visit(f"{base}{prefix}rights/at-home/")
    loaded = [urlsplit(url).path for url in phone.requests]
    assert not [path for path in loaded if "search" in path or "bundle." in path or "lunr" in path], loaded

    page.locator("label.md-header__button[for=__search]").click()
    query = page.locator("input[data-md-component=search-query]")
    query.wait_for(state="visible")
    page.wait_for_function("() => document.activeElement && document.activeElement.name === 'query'")
    query.type(word)
    page.keyboard.press("End")  # Material searches on key up; typed non-Latin text arrives without one
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=10_000)

    # Every page that holds the word is found, not only those where it stands alone.
    expected = pages_containing(site_dir, prefix, word)
    meta = page.locator(".md-search-result__meta").inner_text()
    assert [int(n) for n in re.findall(r"\d+", meta)] == [len(expected)], (meta, sorted(expected))

    indexes = [urlsplit(url).path for url in phone.requests if url.endswith("search_index.json")]
    assert indexes == [f"/{prefix}search/search_index.json"], indexes
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert hrefs and all(urlsplit(href).path.startswith(f"/{prefix}") for href in hrefs), hrefs
    others = {code for code, _ in QUERIES} - {lang, "en"}
    assert not [href for href in hrefs if any(urlsplit(href).path.startswith(f"/{code}/") for code in others)]
    # Material's script, once loaded, fetches nothing that fails (no sitemap beside each language).
    assert not [url for url in phone.requests if url.endswith("sitemap.xml")], phone.requests
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    phone.close()
