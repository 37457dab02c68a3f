"""What a reader on a 360 px phone sees and what their browser sends, in real Chromium."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import yaml

from browser.conftest import PHONE, site_pages
from conftest import REPO

pytestmark = pytest.mark.browser


def strings(lang: str) -> dict[str, str]:
    return yaml.safe_load((REPO / "data" / "strings" / f"{lang}.yml").read_text(encoding="utf-8"))


def open_page(browser, url: str, *, old_browser: bool = False, javascript: bool = True):
    """A fresh phone-sized page; every request is recorded and only 127.0.0.1 is answered."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True,
                                  java_script_enabled=javascript)
    if old_browser:
        # Old Android WebViews lack ResizeObserver; Material then loads a polyfill.
        context.add_init_script("delete window.ResizeObserver;")
    requests: list[str] = []
    failed: list[str] = []

    def route(route):
        requests.append(route.request.url)
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(url, wait_until="load")
    if javascript:
        page.wait_for_timeout(300)  # let Material's bundle start its own requests
    return context, page, requests, failed


@pytest.mark.parametrize("old_browser", [False, True], ids=["current", "no-ResizeObserver"])
def test_no_request_leaves_the_site_on_any_page(browser, real_site, old_browser):
    site_dir, base = real_site
    pages = site_pages(site_dir)
    assert len(pages) >= 18  # 6 languages x (home, at-home page, 404)
    for path in pages:
        context, page, requests, _ = open_page(browser, base + path, old_browser=old_browser)
        # Opening the search loads Material's search worker and index: still local.
        page.keyboard.press("/")
        page.wait_for_timeout(200)
        cookies = context.cookies()
        context.close()
        assert cookies == [], f"{path} set cookies: {cookies}"
        foreign = [url for url in requests if urlsplit(url).hostname != "127.0.0.1"]
        assert foreign == [], f"{path}: {foreign}"
        if old_browser and any("/bundle." in url for url in requests):
            # Every page that runs Material's scripts loads our local polyfill first.
            assert any("resize-observer-polyfill" in url for url in requests), path


def test_old_browser_gets_the_local_polyfill_and_a_working_page(browser, real_site):
    _, base = real_site
    context, page, requests, _ = open_page(browser, base + "es/", old_browser=True)
    assert page.evaluate("typeof window.ResizeObserver") == "function"
    assert page.locator("h1").first.inner_text() != ""
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_no_page_scrolls_sideways_at_phone_width(browser, real_site, javascript):
    site_dir, base = real_site
    for path in site_pages(site_dir):
        context, page, _, _ = open_page(browser, base + path, javascript=javascript)
        # Against the phone's width: a phone browser zooms out to fit a wider page,
        # and then reports the wider page's width as its own.
        width = page.evaluate("document.documentElement.scrollWidth")
        context.close()
        assert width <= PHONE["width"], f"{path} is {width} px wide on a {PHONE['width']} px screen"


def test_arabic_pages_are_right_to_left(browser, real_site):
    _, base = real_site
    context, page, _, _ = open_page(browser, base + "ar/rights/at-home/")
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    h1 = page.locator("article h1").first.bounding_box()
    # Right-aligned: the heading ends near the right edge of the screen.
    assert h1["x"] + h1["width"] > PHONE["width"] - 40
    context.close()


def test_language_switcher_keeps_the_reader_on_the_same_page(browser, real_site):
    _, base = real_site
    context, page, _, _ = open_page(browser, base + "es/rights/at-home/")
    page.locator(".md-header .md-select button").click()
    page.locator('.md-select__link[hreflang="ar"]').click()
    page.wait_for_url("**/ar/rights/at-home/")
    assert page.evaluate("document.documentElement.lang") == "ar"
    context.close()


def test_notices_appear_in_the_readers_language(browser, notices_site):
    es, ar = strings("es"), strings("ar")
    context, page, _, _ = open_page(browser, notices_site + "es/rights/at-home/")
    fallback = page.locator('[data-haven-notice="fallback"]')
    assert fallback.is_visible()
    assert fallback.inner_text().strip() == es["fallback_notice"].replace("{language}", "Español")
    # The English content under the notice is read as English, left to right.
    assert page.locator("article h1").evaluate("h => h.closest('[lang]').lang") == "en"

    page.goto(notices_site + "es/")
    assert page.locator('[data-haven-notice="unreviewed"]').inner_text().strip() == es["unreviewed_notice"]
    assert page.locator('[data-haven-notice="stale"]').count() == 0

    page.goto(notices_site + "ar/")
    stale = page.locator('[data-haven-notice="stale"]')
    assert stale.is_visible() and ar["stale_notice"] in stale.inner_text()
    stale.locator("a").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/" and page.evaluate("document.documentElement.lang") == "en"
    context.close()


def test_switcher_shows_which_languages_only_have_the_english_page(browser, notices_site):
    context, page, _, _ = open_page(browser, notices_site + "es/rights/at-home/")
    page.locator(".md-header .md-select button").click()
    marks = page.locator(".md-select__link [data-haven-untranslated]")
    assert marks.count() == 3  # es, ar and ht lack this page
    assert marks.first.inner_text() == strings("es")["fallback_label"]
    context.close()


def test_phone_numbers_read_left_to_right_on_arabic_pages(browser, real_site):
    _, base = real_site
    context, page, _, _ = open_page(browser, base + "ar/")
    link = page.locator('a[href^="tel:"]').first
    assert link.inner_text() == "1-800-898-7180"
    # Where the first and the last digit are drawn on screen.
    first, last = link.evaluate(
        """a => {
            const text = a.firstChild.nodeType === 3 ? a.firstChild : a.querySelector('*').firstChild;
            const at = i => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1);
                              return r.getBoundingClientRect().x; };
            return [at(0), at(text.length - 1)];
        }"""
    )
    assert first < last
    context.close()
