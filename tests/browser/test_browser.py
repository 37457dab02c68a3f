"""What a reader on a 360 px phone sees and what their browser sends, in real Chromium."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser.conftest import PHONE, site_pages
from browser.phone import Phone, open_page, page_width, strings
from conftest import REPO
from haven.core import budget
from haven.sources import site

pytestmark = pytest.mark.browser


SITE_LANGUAGES = site.load(REPO / "mkdocs.yml").languages
LANGUAGES = [language.code for language in SITE_LANGUAGES]
TRANSLATIONS = {language.code for language in SITE_LANGUAGES if not language.default}


def pages_in(site_dir, lang: str) -> list[str]:
    """Every page of one language (its home page first): each language is a test of its own, so both
    test processes share the languages."""
    return [
        path
        for path in site_pages(site_dir)
        if (path.split("/")[0] == lang if lang in TRANSLATIONS else path.split("/")[0] not in TRANSLATIONS)
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_stays_on_the_site_and_fits_a_phone(browser, real_site, lang):
    site_dir, base = real_site
    pages = pages_in(site_dir, lang)
    assert len(pages) >= 3  # home, at-home page, 404
    phone = Phone(browser)
    weigher = budget.Weigher(site_dir)
    settled: set[frozenset[str]] = set()
    for number, path in enumerate(pages):
        file = path if path.endswith(".html") else path + "index.html"
        counted = {resource.path for resource in weigher.first_view(file).resources}
        # What a page fetches after it loads is its scripts' doing: pages with the same scripts wait once.
        scripts = frozenset(resource for resource in counted if resource.endswith(".js"))
        page = phone.visit(base + path, settle=scripts not in settled)
        settled.add(scripts)
        assert page_width(page) <= PHONE["width"], f"{path} is wider than a {PHONE['width']} px screen"
        # On load the page fetches exactly what the budget counts (haven/core/budget.py): no
        # search index, no Material script, no sitemap, nothing that fails.
        fetched = {urlsplit(url).path.lstrip("/") or "index.html" for url in phone.requests}
        fetched = {url + "index.html" if url.endswith("/") else url for url in fetched}
        assert fetched == counted, path
        if number == 0:
            # Opening the search loads Material's script, search worker and index: still local. They are
            # the theme's, the same on every page of a language: opened on its home page.
            with page.expect_request(lambda request: "/bundle." in request.url):
                page.keyboard.press("/")
            page.wait_for_load_state("networkidle")
        assert phone.context.cookies() == [], f"{path} set cookies"
        assert phone.foreign_requests() == [], path
    phone.close()


def test_old_browsers_fetch_only_local_files(browser, real_site):
    """Without ResizeObserver, Material's bundle fetches a polyfill: ours, never unpkg.com's.

    The polyfill comes from the template, the same on every page, so this
    visits one English page for each set of scripts pages load, and each
    language's home and 404 pages; the test above visits every page for what
    the content itself loads.
    """
    site_dir, base = real_site
    weigher = budget.Weigher(site_dir)
    english: dict[frozenset[str], str] = {}  # the first English page to load each set of scripts
    homes = []
    for path in site_pages(site_dir):
        if path.split("/")[0] in TRANSLATIONS:
            homes += [path] if path.split("/", 1)[1] in ("", "404.html") else []
            continue
        file = path if path.endswith(".html") else path + "index.html"
        scripts = frozenset(r.path for r in weigher.first_view(file).resources if r.path.endswith(".js"))
        english.setdefault(scripts, path)
    phone = Phone(browser, old_browser=True, settle_ms=0)  # the requests it checks are awaited
    for path in [*english.values(), *homes]:
        page = phone.visit(base + path)
        if page.locator("#__search").count():  # not on the editors' plain status page
            # Opening the search loads Material's script and the polyfill it needs: each is awaited (both from
            # this site, or foreign_requests names them).
            with (
                page.expect_request(lambda request: "/bundle." in request.url),
                page.expect_request(lambda request: "resize-observer-polyfill" in request.url),
            ):
                page.keyboard.press("/")
        assert phone.foreign_requests() == [], path
    phone.close()


def test_old_browser_gets_the_local_polyfill_and_a_working_page(browser, real_site):
    _, base = real_site
    context, page, _ = open_page(browser, base + "es/", old_browser=True)
    page.locator("label.md-header__button[for=__search]").click()
    page.wait_for_function("() => typeof window.ResizeObserver === 'function'")
    assert page.locator("h1").first.inner_text() != ""
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_scrolls_sideways_without_javascript(browser, real_site, lang):
    site_dir, base = real_site
    phone = Phone(browser, javascript=False)
    for path in pages_in(site_dir, lang):
        assert page_width(phone.visit(base + path)) <= PHONE["width"], path
    phone.close()


def test_arabic_pages_are_right_to_left(browser, real_site):
    _, base = real_site
    context, page, _ = open_page(browser, base + "ar/rights/at-home/")
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    h1 = page.locator("article h1").first.bounding_box()
    # Right-aligned: the heading ends near the right edge of the screen.
    assert h1["x"] + h1["width"] > PHONE["width"] - 40
    context.close()


def test_language_switcher_keeps_the_reader_on_the_same_page(browser, real_site):
    _, base = real_site
    context, page, _ = open_page(browser, base + "es/rights/at-home/")
    page.locator(".md-header .md-select button").click()
    page.locator('.md-select__link[hreflang="ar"]').click()
    page.wait_for_url("**/ar/rights/at-home/")
    assert page.evaluate("document.documentElement.lang") == "ar"
    context.close()


def test_notices_appear_in_the_readers_language(browser, notices_site):
    es, ar = strings("es"), strings("ar")
    context, page, _ = open_page(browser, notices_site + "es/rights/at-home/")
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


def test_an_english_stand_in_is_laid_out_left_to_right_in_arabic(browser, notices_site):
    """Bullets inside the margin, nested lists indented, the admonition icon before its title: as in English."""
    layout = """() => {
        const title = document.querySelector("article .admonition-title");
        return {
            items: [...document.querySelectorAll("article li")]
                .filter(li => li.textContent.includes("door"))  // the page's own list, not the page footer's
                .map(li => Math.round(li.getBoundingClientRect().left)),
            icon: getComputedStyle(title, "::before").left,
            title: getComputedStyle(title).paddingLeft,
        };
    }"""
    phone = Phone(browser)
    english = phone.visit(notices_site + "rights/at-home/").evaluate(layout)
    arabic_page = phone.visit(notices_site + "ar/rights/at-home/")
    assert arabic_page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert arabic_page.evaluate(layout) == english
    assert english["items"][1] > english["items"][0] > 0  # the nested item is indented
    assert page_width(arabic_page) <= PHONE["width"]
    phone.close()


def test_switcher_shows_which_languages_only_have_the_english_page(browser, notices_site):
    context, page, _ = open_page(browser, notices_site + "es/rights/at-home/")
    page.locator(".md-header .md-select button").click()
    marks = page.locator(".md-select__link [data-haven-untranslated]")
    assert marks.count() == 3  # es, ar and ht lack this page
    assert marks.first.inner_text() == strings("es")["fallback_label"]
    context.close()


def test_phone_numbers_read_left_to_right_on_arabic_pages(browser, real_site):
    _, base = real_site
    context, page, _ = open_page(browser, base + "ar/")
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


def test_the_rights_card_prints_at_bank_card_size_in_every_language(browser, real_site):
    _, base = real_site
    card_mm = (85.6, 54.0)
    px_per_mm = 96 / 25.4
    for language in site.load(REPO / "mkdocs.yml").languages:
        prefix = "" if language.default else f"{language.code}/"
        context, page, _ = open_page(browser, base + prefix + "rights-card/", javascript=False)
        page.emulate_media(media="print")
        # Lay the page out as on A4 paper (narrower than Letter) inside the card page's print margins.
        margin = page.evaluate(
            """() => [...document.styleSheets].flatMap(s => [...s.cssRules])
                     .find(r => r instanceof CSSPageRule && r.selectorText === 'haven-card').style.marginLeft"""
        )
        assert margin.endswith("mm"), margin
        printable = (210 - 2 * float(margin.removesuffix("mm"))) * px_per_mm
        page.set_viewport_size({"width": int(printable), "height": 1000})
        sides = page.locator(".haven-card__side")
        boxes = [sides.nth(i).bounding_box() for i in range(2)]
        for box in boxes:
            assert abs(box["width"] - card_mm[0] * px_per_mm) < 2, (language.code, box)
            assert abs(box["height"] - card_mm[1] * px_per_mm) < 2, (language.code, box)
            # On the paper: nothing cut off at either edge, whichever way the language runs.
            assert box["x"] >= 0 and box["x"] + box["width"] <= printable + 1, (language.code, box)
        # Side by side, so that one fold makes a two-sided card.
        assert abs(boxes[0]["y"] - boxes[1]["y"]) < 1, language.code
        overflowing = sides.evaluate_all("els => els.filter(e => e.scrollHeight > e.clientHeight + 1).length")
        assert overflowing == 0, f"{language.code}: the card's text does not fit on the card"
        # Only the card is printed.
        assert not page.locator("article h1").is_visible(), language.code
        context.close()
