"""The legal-help directory on a 360 px phone: choosing a state, a kind of help and a
language, with JavaScript (combined filter) and without (plain links)."""

from __future__ import annotations

from functools import cache

import pytest
import yaml

from browser.phone import Phone, page_width, strings
from conftest import REPO

pytestmark = pytest.mark.browser

LANGUAGES = ("en", "es", "ar")
PAGE = "help/legal-help/"


@cache
def listed() -> tuple[dict, ...]:
    """The directory's organizations (the official lines have their own box)."""
    entries = [
        yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((REPO / "data" / "directory").glob("*.yml"))
    ]
    return tuple(entry for entry in entries if entry["kind"] != "government")


def expected(state: str | None = None, service: str | None = None, language: str | None = None) -> set[str]:
    """What a reader should see, as 'area/organization', worked out from the data alone."""

    def matches(entry):
        return (not service or service in entry.get("services", [])) and (
            not language or language in entry.get("languages", [])
        )

    shown = {f"national/{e['id']}" for e in listed() if e["regions"] == ["national"] and matches(e)}
    states = [state] if state else [code.lower() for code in state_codes()]
    for code in states:
        shown |= {f"{code}/{e['id']}" for e in listed() if code.upper() in e["regions"] and matches(e)}
    return shown


@cache
def state_codes() -> tuple[str, ...]:
    return tuple(strings("en")["directory"]["states"])


def visible_cards(page) -> set[str]:
    return set(
        page.evaluate("""() => [...document.querySelectorAll('.haven-area .haven-org')]
        .filter(card => card.getClientRects().length > 0)
        .map(card => card.closest('.haven-area').id + '/' + card.dataset.org)""")
    )


def url(base: str, lang: str) -> str:
    return base + ("" if lang == "en" else f"{lang}/") + PAGE


def test_without_javascript_plain_links_choose_a_state_and_a_kind_of_help(browser, real_site):
    _, base = real_site
    asylum = sorted(e["id"] for e in listed() if "asylum" in e.get("services", []))
    national = {card for card in expected() if card.startswith("national/")}
    assert asylum and national and expected("il") > national
    phone = Phone(browser, javascript=False)
    for lang in LANGUAGES:
        words = strings(lang)["directory"]
        page = phone.visit(url(base, lang))
        assert not page.is_visible(".haven-filter")
        assert visible_cards(page) == national, lang  # before a choice: the whole country's
        page.get_by_role("link", name=words["states"]["IL"], exact=True).click()
        assert page.evaluate("location.hash") == "#il"
        assert visible_cards(page) == expected("il"), lang
        assert page.is_visible("#il h2") and not page.is_visible("#tx h2")
        assert page_width(page) <= 360, lang

        page.get_by_text(words["by_service"], exact=True).click()  # opens the list of kinds of help
        page.get_by_role("link", name=words["services"]["asylum"], exact=True).click()
        assert page.is_visible("#help-asylum") and not page.is_visible("#il h2")
        assert sorted(li.get_attribute("data-org") for li in page.query_selector_all("#help-asylum li")) == asylum
        assert page_width(page) <= 360, lang
    phone.close()


def test_with_javascript_the_filters_combine(browser, real_site):
    _, base = real_site
    phone = Phone(browser)
    for lang in LANGUAGES:
        page = phone.visit(url(base, lang))
        assert page.is_visible(".haven-filter")
        assert not page.is_visible(".haven-states")  # the form replaces the long list of links
        page.select_option("select[name=state]", "il")
        assert visible_cards(page) == expected("il"), lang
        assert page.evaluate("location.hash") == "#il"  # the address can be shared, and prints that state
        page.select_option("select[name=service]", "asylum")
        assert visible_cards(page) == expected("il", "asylum"), lang
        page.select_option("select[name=language]", "es")
        assert visible_cards(page) == expected("il", "asylum", "es"), lang
        assert not page.is_visible(".haven-directory__none")

        page.select_option("select[name=state]", "")  # every state with a match
        page.select_option("select[name=language]", "")
        page.select_option("select[name=service]", "detention")
        assert visible_cards(page) == expected(None, "detention"), lang
        assert page_width(page) <= 360, lang

        page.select_option("select[name=state]", "ak")
        page.select_option("select[name=service]", "daca")
        page.select_option("select[name=language]", "ko")
        assert visible_cards(page) == expected("ak", "daca", "ko") == set()
        assert page.is_visible(".haven-directory__none")
    phone.close()


def test_an_address_with_a_state_opens_that_state_with_or_without_javascript(browser, real_site):
    _, base = real_site
    for javascript in (True, False):
        phone = Phone(browser, javascript=javascript)
        page = phone.visit(url(base, "es") + "#tx")
        assert visible_cards(page) == expected("tx"), javascript
        if javascript:
            assert page.input_value("select[name=state]") == "tx"
        phone.close()


def test_a_states_list_prints_on_one_sheet(browser, real_site):
    """The state with the most organizations, in every language, on Letter and A4
    paper; every state with its own organizations in English."""
    import re
    from collections import Counter

    from haven.sources import site

    _, base = real_site
    local = Counter(state.lower() for entry in listed() for state in entry["regions"] if state != "national")
    busiest = max(local, key=local.get)
    cases = [
        (language.code, busiest, paper)
        for language in site.load(REPO / "mkdocs.yml").languages
        for paper in ("Letter", "A4")
    ]
    cases += [("en", state, "Letter") for state in sorted(local) if state != busiest]
    page = browser.new_page()
    page.emulate_media(media="print")
    too_long = []
    for lang, state, paper in cases:
        page.goto(url(base, lang) + "#" + state)
        assert page.is_visible(f"#{state}") and not page.is_visible(".haven-choose")
        sheets = len(re.findall(rb"/Type\s*/Page(?!s)", page.pdf(format=paper)))
        if sheets != 1:
            too_long.append(f"{lang} #{state} on {paper}: {sheets} pages")
    page.close()
    assert too_long == []
