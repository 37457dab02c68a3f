"""The repository's own site, built strictly once: what every language contains."""

import re

import yaml
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import REAL_TODAY, REPO
from haven.sources import content, site, stories, translations

SITE = site.load(REPO / "mkdocs.yml")
# Stories whose consent is pending or withdrawn are not published in any language.
CONTENT = content.load(SITE)
UNPUBLISHED = stories.unpublished(CONTENT, REAL_TODAY)
# Every published English page and its address: 'index.md' -> '', 'rights/at-home.md' -> 'rights/at-home/',
# 'stories/index.md' -> 'stories/'.
SOURCES = {
    rel.removesuffix("index.md") if rel.endswith("index.md") else rel.removesuffix(".md") + "/": rel
    for rel in sorted(p.relative_to(SITE.docs_dir / "en").as_posix() for p in (SITE.docs_dir / "en").rglob("*.md"))
    if rel not in UNPUBLISHED
}
PAGES = tuple(SOURCES)


def test_every_language_has_every_page_marked_with_its_language_and_direction(real_site):
    site_dir, _ = real_site
    for language in SITE.languages:
        prefix = "" if language.default else f"{language.code}/"
        strings = yaml.safe_load((REPO / "data" / "strings" / f"{language.code}.yml").read_text())
        for page in PAGES:
            html = (site_dir / prefix / page / "index.html").read_text(encoding="utf-8")
            assert f'<html lang="{language.code}"' in html
            direction = "rtl" if language.rtl else "ltr"
            assert f'<body dir="{direction}"' in html, (language.code, page)
            assert strings["not_legal_advice"] in html
            assert re.search(r'<time datetime="\d{4}-\d{2}-\d{2}">', html)
            # Every page of the repository is translated: no English fallback inside.
            assert 'data-haven-notice="fallback"' not in html


def test_translations_say_whether_a_fluent_human_reviewed_them(real_site):
    site_dir, _ = real_site
    for language in SITE.languages:
        if language.default:
            continue
        for page in PAGES:
            reviewed = translations.status(CONTENT, language.code, SOURCES[page]).human_reviewed
            html = (site_dir / language.code / page / "index.html").read_text(encoding="utf-8")
            assert ('data-haven-notice="unreviewed"' in html) is not reviewed, (language.code, page)
            assert ("haven-reviewed--translation" in html) is reviewed, (language.code, page)


def test_the_repository_passes_its_own_check(real_site, on_the_real_day):
    from haven.checks import check
    from haven.core.diagnostics import Severity

    findings, skipped = check.run(REPO / "mkdocs.yml", on_the_real_day, site_dir=real_site[0])
    assert skipped is None
    assert [f.format() for f in findings if f.severity is Severity.ERROR] == []


def test_a_build_records_the_fingerprint_of_its_sources(real_site):
    from haven.sources import fingerprint

    site_dir, _ = real_site
    assert (site_dir / fingerprint.FILE).read_text().strip() == fingerprint.fingerprint(SITE)


def article(site_dir, language, page: str) -> HTMLParser:
    prefix = "" if language.default else f"{language.code}/"
    return HTMLParser((site_dir / prefix / page / "index.html").read_text(encoding="utf-8"))


def test_every_home_page_leads_to_every_page_in_its_language(real_site):
    """Directly, or for a story through the stories page (a withdrawn story then leaves no broken link)."""
    site_dir, _ = real_site
    for language in SITE.languages:
        links = {a.attributes.get("href") for a in article(site_dir, language, "").css("article a")}
        listed = {
            "stories/" + a.attributes.get("href")
            for a in article(site_dir, language, "stories/").css("article .haven-stories a")
        }
        missing = [page for page in PAGES if page and page not in links | listed]
        assert missing == [], f"{language.code} home page does not lead to {missing}"


def test_a_story_without_consent_is_in_no_language(real_site):
    site_dir, _ = real_site
    assert UNPUBLISHED, "the repository keeps one story whose consent is pending"
    for language in SITE.languages:
        prefix = "" if language.default else f"{language.code}/"
        for rel in UNPUBLISHED:
            assert not (site_dir / prefix / rel.removesuffix(".md")).exists(), (language.code, rel)
    for rel in UNPUBLISHED:
        assert rel.removesuffix(".md") not in (site_dir / "sitemap.xml").read_text()


def test_the_rights_card_speaks_to_the_officer_in_english_in_every_language(real_site):
    site_dir, _ = real_site
    english_reader, english = article(site_dir, SITE.default, "rights-card/").css(".haven-card__side")
    assert "Fifth Amendment" in english.text()
    for language in SITE.languages:
        reader, agent = article(site_dir, language, "rights-card/").css(".haven-card__side")
        assert agent.attributes.get("lang") == "en" and agent.attributes.get("dir") == "ltr", language.code
        assert agent.text() == english.text(), f"{language.code}: the officer's side differs from English"
        if not language.default:
            assert reader.text() != english_reader.text(), f"{language.code}: the reader's side is not translated"


def _directory_entries() -> list[dict]:
    return [
        yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((REPO / "data" / "directory").glob("*.yml"))
    ]


def _cards(section) -> set[str]:
    return {card.attributes["data-org"] for card in section.css(".haven-org")}


def test_every_organization_is_on_the_page_of_each_state_it_serves_in_every_language(real_site):
    site_dir, _ = real_site
    entries = _directory_entries()
    listed = [entry for entry in entries if entry["kind"] != "government"]
    national = {entry["id"] for entry in listed if entry["regions"] == ["national"]}
    official = {entry["id"] for entry in entries if entry["kind"] == "government"}
    states = yaml.safe_load((REPO / "data" / "strings" / "en.yml").read_text())["directory"]["states"]
    assert len(states) == 56  # the 50 states, DC and five territories
    for language in SITE.languages:
        page = article(site_dir, language, "help/legal-help/")
        names = yaml.safe_load((REPO / "data" / "strings" / f"{language.code}.yml").read_text())["directory"]["states"]
        for code in states:
            section = page.css_first(f"section#{code.lower()}")
            assert section is not None, f"{language.code}: no section for {code}"
            assert section.css_first("h2").text() == names[code]
            expected = {entry["id"] for entry in listed if code in entry["regions"]}
            assert _cards(section) == expected, f"{language.code} {code}"
            # Every state leads to the organizations that serve the whole country.
            assert section.css_first('a[href="#national"]') is not None
        assert _cards(page.css_first("section#national")) == national, language.code
        assert _cards(page.css_first("#official")) == official, language.code


def test_every_directory_phone_number_can_be_tapped_in_every_language(real_site):
    site_dir, _ = real_site
    numbers = {
        entry["id"]: ["tel:+1" + re.sub(r"\D", "", phone["number"])[-10:] for phone in entry.get("phones", [])]
        for entry in _directory_entries()
    }
    assert any(numbers.values())
    for language in SITE.languages:
        page = article(site_dir, language, "help/legal-help/")
        for card in page.css(".haven-org"):
            tel = [a.attributes["href"] for a in card.css('a[href^="tel:"]')]
            assert tel == numbers[card.attributes["data-org"]], (language.code, card.attributes["id"])
            # Translated everywhere: no description falls back to English.
            if not language.default:
                assert card.css_first(".haven-org__about").attributes.get("lang") is None, card.attributes["id"]
