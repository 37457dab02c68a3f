"""Search on a 360 px phone: nothing loads until the reader opens it, then only their language."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser.phone import Phone

pytestmark = pytest.mark.browser

# A word that readers would type, found inside sentences of pages in each language.
QUERIES = [("en", "warrant"), ("es", "abogado"), ("ar", "محامي"), ("zh", "律师")]


@pytest.mark.parametrize("lang,word", QUERIES)
def test_search_loads_on_demand_and_finds_pages_in_the_readers_language_only(browser, real_site, lang, word):
    _, base = real_site
    prefix = "" if lang == "en" else f"{lang}/"
    phone = Phone(browser)
    page = phone.visit(f"{base}{prefix}rights/at-home/")
    loaded = [urlsplit(url).path for url in phone.requests]
    assert not [path for path in loaded if "search" in path or "bundle." in path or "lunr" in path], loaded

    page.locator("label.md-header__button[for=__search]").click()
    query = page.locator("input[data-md-component=search-query]")
    query.wait_for(state="visible")
    page.wait_for_function("document.activeElement && document.activeElement.name === 'query'")
    query.type(word)
    page.keyboard.press("End")  # Material searches on key up; typed non-Latin text arrives without one
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=10_000)

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
