"""axe-core's WCAG 2.2 A and AA rules: no violation on any kind of page, in any language.

Every language's home, a topic with a table, the legal-help directory, the
stories, the rights card, the offline page, the about page and the 404 page
are checked on a 360 px phone as they load (JavaScript on); on a desktop, the home, the topic
and the directory, whose layouts differ most from the phone's. English and
Arabic are checked again without JavaScript, and search results in three
scripts. axe's target-size rule holds tap targets to 24 px.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser.phone import Phone
from conftest import REPO
from haven.sources import site

pytestmark = pytest.mark.browser

LANGUAGES = list(site.load(REPO / "mkdocs.yml").codes)
PAGES = [
    "",
    "rights/at-home/",
    "help/legal-help/",
    "stories/",
    "stories/kenault/",
    "rights-card/",
    "offline/",
    "about/",
    "404.html",
]
DESKTOP_PAGES = PAGES[:3]
WCAG_22_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
AXE = Axe()


def violations(page) -> list[str]:
    found = AXE.run(page, options=WCAG_22_AA).response["violations"]
    return [f"{rule['id']} ({rule['help']}): {[node['target'] for node in rule['nodes']][:5]}" for rule in found]


def prefix(lang: str) -> str:
    return "" if lang == LANGUAGES[0] else f"{lang}/"


@pytest.mark.parametrize("desktop", [False, True], ids=["360px", "desktop"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_wcag_violations(browser, real_site, lang, desktop):
    _, base = real_site
    phone = Phone(browser, desktop=desktop, settle_ms=0)
    found = {
        path: violations(phone.visit(base + prefix(lang) + path)) for path in (DESKTOP_PAGES if desktop else PAGES)
    }
    phone.close()
    assert not {path: rules for path, rules in found.items() if rules}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_no_wcag_violations_without_javascript(browser, real_site, lang):
    _, base = real_site
    phone = Phone(browser, page_scripts=False, settle_ms=0)
    found = {path: violations(phone.visit(base + prefix(lang) + path)) for path in PAGES}
    phone.close()
    assert not {path: rules for path, rules in found.items() if rules}


@pytest.mark.parametrize("lang,word", [("en", "lawyer"), ("zh", "律师"), ("ar", "محامي")])
def test_no_wcag_violations_with_search_results_open(browser, real_site, lang, word):
    _, base = real_site
    phone = Phone(browser)
    page = phone.visit(base + prefix(lang) + "rights/at-home/")
    page.locator("label.md-header__button[for=__search]").click()
    page.wait_for_function("() => document.activeElement && document.activeElement.name === 'query'")
    page.keyboard.type(word)
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    found = violations(page)
    phone.close()
    assert not found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_menu_entry_is_marked_with_its_own_language(browser, real_site, lang):
    _, base = real_site
    phone = Phone(browser, settle_ms=0)
    page = phone.visit(base + prefix(lang) + "rights/at-home/")
    entries = page.locator(".md-select__link")
    pairs = [
        (entries.nth(i).get_attribute("hreflang"), entries.nth(i).get_attribute("lang")) for i in range(entries.count())
    ]
    phone.close()
    assert [code for code, _ in pairs] == LANGUAGES
    assert all(code == marked for code, marked in pairs), pairs
