"""The legal-help directory's data: every bad entry stops the build with path:line."""

import datetime

import pytest

from haven.sources import directory, site

GOOD = """\
id: "example-center"
name: "Example Legal Center"
kind: "legal-services"
website: "https://example.org"
phones:
  - number: "312-555-0100"
    label:
      en: "Intake"
      es: "Admisión"
    source: "https://example.org/contact"
regions: ["IL"]
services: ["asylum", "detention"]
languages: ["en", "es"]
cost: "free"
description:
  en: "Free help with asylum."
  es: "Ayuda gratis con el asilo."
sources:
  - "https://example.org/about"
verified: 2026-11-01
"""
ENTRY = "data/directory/example-center.yml"


def write_entry(fixture_site, text: str, name: str = "example-center") -> None:
    folder = fixture_site.root / "data" / "directory"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.yml").write_text(text, encoding="utf-8")


def load(fixture_site):
    return directory.load(site.load(fixture_site.config))


def test_a_good_entry_loads_with_its_facts(fixture_site):
    write_entry(fixture_site, GOOD)
    found, problems = load(fixture_site)
    assert problems == []
    (organization,) = found.organizations
    assert organization.serves("IL") and not organization.serves("TX")
    assert directory.dial(organization.phones[0].number) == "tel:+13125550100"
    assert directory.dial("1-800-898-7180") == "tel:+18008987180"


BAD_ENTRIES = {
    "javascript: website": (lambda t: t.replace('"https://example.org"', '"javascript:alert(1)"'), f"{ENTRY}:4: H066"),
    "http:// source": (
        lambda t: t.replace('"https://example.org/about"', '"http://example.org/about"'),
        f"{ENTRY}:19: H064",
    ),
    "unquoted phone": (lambda t: t.replace('"312-555-0100"', "3125550100"), f"{ENTRY}:6: H072"),
    "phone that cannot be dialled": (lambda t: t.replace('"312-555-0100"', '"555-0100"'), f"{ENTRY}:6: H072"),
    "ICE's tip line": (lambda t: t.replace('"312-555-0100"', '"1-866-347-2423"'), f"{ENTRY}:6: H076"),
    "unknown service": (lambda t: t.replace('"detention"', '"immigration"'), f"{ENTRY}:12: H070"),
    "unknown language": (lambda t: t.replace('["en", "es"]', '["en", "spanish"]'), f"{ENTRY}:13: H071"),
    "unknown state": (lambda t: t.replace('["IL"]', '["Illinois"]'), f"{ENTRY}:11: H077"),
    "no English description": (lambda t: t.replace('  en: "Free help with asylum."\n', ""), f"{ENTRY}:15: H074"),
    "phone without its source": (
        lambda t: t.replace('    source: "https://example.org/contact"\n', ""),
        f"{ENTRY}:6: H013",
    ),
    "no source": (lambda t: t.replace('sources:\n  - "https://example.org/about"\n', ""), f"{ENTRY}:1: H013"),
    "id unlike the file name": (lambda t: t.replace('id: "example-center"', 'id: "other"'), f"{ENTRY}:1: H078"),
}


@pytest.mark.parametrize("case", BAD_ENTRIES)
def test_a_bad_entry_stops_the_build_and_keeps_the_last_good_site(fixture_site, capsys, case):
    write_entry(fixture_site, GOOD)
    assert fixture_site.build() == 0
    good = fixture_site.html("")
    capsys.readouterr()

    change, expected = BAD_ENTRIES[case]
    write_entry(fixture_site, change(GOOD))
    assert fixture_site.build() == 1
    err = capsys.readouterr().err
    assert expected in err, err
    assert fixture_site.html("") == good


def test_two_entries_with_one_id_stop_the_build(fixture_site, capsys):
    write_entry(fixture_site, GOOD)
    write_entry(fixture_site, GOOD, name="copy")  # sorted first: the original is named as the duplicate
    assert fixture_site.build() == 1
    err = capsys.readouterr().err
    assert (
        "data/directory/example-center.yml:1: H073 the id 'example-center' is already used by "
        "data/directory/copy.yml" in err
    ), err


def test_old_checks_and_missing_translations_are_warnings(fixture_site):
    write_entry(fixture_site, GOOD.replace("2026-11-01", "2025-06-30"))
    the_site = site.load(fixture_site.config)
    found, problems = directory.load(the_site)
    assert problems == []
    warnings = [f.format() for f in directory.findings(the_site, found, datetime.date(2026, 11, 28))]
    assert (
        f"{ENTRY}:1: H075 warning: 'example-center' was last checked on 2025-06-30, more than 12 months ago"
        in "\n".join(warnings)
    )
    untranslated = [w for w in warnings if " H079 " in w]
    assert [w.split(" H079 ")[0] for w in untranslated] == [f"{ENTRY}:15:"] * 2  # ar and ht; es has them
    assert "2 text(s) of 'example-center' have no العربية (ar) translation" in untranslated[0]


def test_status_counts_the_directory_texts_of_each_language(fixture_site, capsys):
    import json

    from haven.commands.cli import main

    write_entry(fixture_site, GOOD)
    assert main(["-f", str(fixture_site.config), "status", "--format", "json"]) == 0
    rows = {row["code"]: row for row in json.loads(capsys.readouterr().out)}
    # Two texts: the description and the phone's label; Spanish has both, Arabic neither.
    assert (rows["es"]["directory_texts"], rows["es"]["directory_total"]) == (2, 2)
    assert (rows["ar"]["directory_texts"], rows["ar"]["directory_total"]) == (0, 2)


NATIONAL_LINE = (
    GOOD.replace('"example-center"', '"example-line"')
    .replace('["IL"]', '["national"]')
    .replace('"312-555-0100"', '"1-800-555-0199"')
)
LEGAL_HELP = """\
---
title: Find legal help
reviewed: 2026-11-01
sources:
  - name: "EOIR: List of pro bono legal service providers"
    url: https://www.justice.gov/eoir/list-pro-bono-legal-service-providers
    kind: organization
    checked: 2026-11-01
    quote: "You do not have to open the door."
---

# Find legal help

Choose your state.

<!-- haven:directory -->
"""


def test_the_page_lists_each_organization_under_its_states_in_the_readers_language(fixture_site):
    write_entry(fixture_site, GOOD)
    write_entry(fixture_site, NATIONAL_LINE, "example-line")
    fixture_site.write("en/help/legal-help.md", LEGAL_HELP)
    fixture_site.translate(
        "es",
        "help/legal-help.md",
        "Encuentre ayuda legal",
        "# Encuentre ayuda legal\n\nElija su estado.\n\n<!-- haven:directory -->\n",
    )
    assert fixture_site.build() == 0
    from selectolax.lexbor import LexborHTMLParser

    for prefix in ("", "es/"):
        page = LexborHTMLParser(fixture_site.html(f"{prefix}help/legal-help/"))

        def cards(selector, page=page):
            return [c.attributes["data-org"] for c in page.css(f"{selector} .haven-org")]

        assert cards("#il") == ["example-center"]
        assert cards("#tx") == [] and page.css_first("#tx .haven-area__empty") is not None
        assert cards("#national") == ["example-line"]
        assert page.css_first("#il a[href='tel:+13125550100']") is not None
        assert [li.attributes["data-org"] for li in page.css("#help-asylum li")] == ["example-center", "example-line"]
        assert page.css_first("#speaks-es") is not None and page.css_first("#speaks-fr") is None
    spanish = LexborHTMLParser(fixture_site.html("es/help/legal-help/"))
    assert spanish.css_first("#il h2").text() == "Illinois"
    assert spanish.css_first("#il .haven-org__about").text() == "Ayuda gratis con el asilo."
    assert "Asilo" in spanish.css_first("a[href='#help-asylum']").text()
    # Arabic has no description: readers see the English one, marked as English.
    fixture_site.translate(
        "ar", "help/legal-help.md", "ابحث عن مساعدة قانونية", "# ابحث عن مساعدة قانونية\n\n<!-- haven:directory -->\n"
    )
    assert fixture_site.build() == 0
    arabic = LexborHTMLParser(fixture_site.html("ar/help/legal-help/"))
    about = arabic.css_first("#il .haven-org__about")
    assert about.text() == "Free help with asylum." and about.attributes["lang"] == "en"
    assert 'src="../../../assets/javascripts/directory.js"' in fixture_site.html("ar/help/legal-help/")
    assert "directory.js" not in fixture_site.html("ar/")
