"""Client stories: consent or no build, identifiers stop the build, one change withdraws a story."""

import datetime

import pytest

from haven.sources import stories

CONSENT = """\
consent:
  how: published-by-the-organization
  source: https://example.org/stories/ana
  date: 2026-01-01
  name_shown: first-name
  photo: false
  review_by: 2099-01-01
  withdraw_contact: "Example Legal Center"
"""
STORY = """\
---
title: "Ana's story"
description: Ana asked for asylum.
reviewed: 2026-11-01
sources:
  - name: "Example Legal Center: Ana's story"
    url: https://example.org/stories/ana
    kind: organization
    checked: 2026-11-01
    quote: "Ana came with her children."
{consent}---

# Ana's story

Ana came with her children.
She asked for asylum in time.
"""
INDEX = """\
---
title: Stories
reviewed: 2026-11-01
sources:
  - name: "Example Legal Center: stories"
    url: https://example.org/stories
    kind: organization
    checked: 2026-11-01
    quote: "These are the stories of people we helped."
---

# Stories

<!-- haven:stories -->
"""
SPANISH = "# La historia de Ana\n\nAna llegó con sus hijos.\nPidió asilo a tiempo.\n"


def write_story(fixture_site, consent: str = CONSENT, body_es: str = SPANISH, source_hash: str | None = None):
    fixture_site.write("en/stories/index.md", INDEX)
    fixture_site.write("en/stories/ana.md", STORY.format(consent=consent))
    fixture_site.translate("es", "stories/index.md", "Historias", "# Historias\n\n<!-- haven:stories -->\n")
    return fixture_site.translate("es", "stories/ana.md", "La historia de Ana", body_es, source_hash=source_hash)


def test_a_story_with_consent_is_published_in_every_language_and_listed(fixture_site):
    write_story(fixture_site)
    assert fixture_site.build() == 0
    for prefix in ("", "es/", "ar/"):
        assert "Ana" in fixture_site.html(f"{prefix}stories/ana/")
        assert 'href="ana/"' in fixture_site.html(f"{prefix}stories/")
    assert "La historia de Ana" in fixture_site.html("es/stories/")
    # Arabic has no translation: the English title, marked as English.
    assert 'lang="en" dir="ltr"><a href="ana/">Ana&#39;s story</a>' in fixture_site.html("ar/stories/")


def test_a_story_without_consent_stops_the_build(fixture_site, capsys):
    write_story(fixture_site, consent="")
    assert fixture_site.build() == 1
    assert "docs/en/stories/ana.md:1: H087 a client story needs a record of consent" in capsys.readouterr().err


@pytest.mark.parametrize(
    "field,expected",
    [
        (
            "  source: https://example.org/stories/ana\n",
            "docs/en/stories/ana.md:11: H014 consent: a story published by",
        ),
        ("  date: 2026-01-01\n", "docs/en/stories/ana.md:11: H014 consent: consent needs its date"),
        ("  review_by: 2099-01-01\n", "docs/en/stories/ana.md:11: H013"),
    ],
)
def test_consent_without_its_evidence_stops_the_build(fixture_site, capsys, field, expected):
    write_story(fixture_site, consent=CONSENT.replace(field, ""), source_hash="0123456789ab")
    assert fixture_site.build() == 1
    assert expected in capsys.readouterr().err


def test_one_change_to_the_consent_withdraws_the_story_from_every_language(fixture_site):
    write_story(fixture_site)
    assert fixture_site.build() == 0
    write_story(fixture_site, consent=CONSENT + "  withdrawn: 2026-11-02\n")
    assert fixture_site.build() == 0
    for prefix in ("", "es/", "ar/"):
        assert not (fixture_site.site_dir / prefix / "stories" / "ana").exists(), prefix
        assert "ana/" not in fixture_site.html(f"{prefix}stories/")
    assert "stories/ana" not in (fixture_site.site_dir / "sitemap.xml").read_text()
    assert "Ana came" not in (fixture_site.site_dir / "search" / "search_index.json").read_text()


def test_a_pending_story_is_not_published(fixture_site):
    pending = CONSENT.replace("published-by-the-organization", "pending").replace(
        "  source: https://example.org/stories/ana\n  date: 2026-01-01\n", ""
    )
    write_story(fixture_site, consent=pending)
    assert fixture_site.build() == 0
    assert not (fixture_site.site_dir / "stories" / "ana").exists()


# One of each kind, planted on line 4 of the Spanish body (file line: front matter + 4).
PLANTED = {
    "A-number": "Su número A-123-456-789 quedó en la carta.",
    "receipt number": "El recibo decía IOE0912345678.",
    "Social Security number": "Su seguro social es 123-45-6789.",
    "phone": "Llámela al 312 555 0143.",
    "email": "Escríbale a ana.perez@example.com.",
    "street address": "Vive en 4301 S. Central Ave.",
    "date of birth": "Nació el 14 de marzo de 1985.",
    "Arabic-Indic A-number": "رقمها A١٢٣٤٥٦٧٨٩.",
}


@pytest.mark.parametrize("kind", PLANTED)
def test_an_identifier_in_a_translated_story_stops_the_build_at_its_line(fixture_site, capsys, kind):
    path = write_story(fixture_site, body_es=SPANISH + PLANTED[kind] + "\n")
    line = path.read_text(encoding="utf-8").splitlines().index(PLANTED[kind]) + 1
    assert fixture_site.build() == 1
    err = capsys.readouterr().err
    assert f"docs/es/stories/ana.md:{line}: H08" in err, err


def test_an_allowlisted_hotline_passes_and_any_other_number_does_not(fixture_site, capsys):
    (fixture_site.root / "data" / "public-numbers.yml").write_text(
        'numbers:\n  - number: "1-800-898-7180"\n    who: "EOIR case line"\n'
        "    source: https://www.justice.gov/eoir/customer-service-initiatives\n    reviewed: 2026-11-28\n",
        encoding="utf-8",
    )
    write_story(fixture_site, body_es=SPANISH + "Llamó al 1-800-898-7180 para ver su caso.\n")
    assert fixture_site.build() == 0
    write_story(fixture_site, body_es=SPANISH + "Llamó al 1-800-898-7181 para ver su caso.\n")
    assert fixture_site.build() == 1
    assert "H083 phone number in client information: '1-800-898-7181'" in capsys.readouterr().err


def test_a_page_marked_as_client_information_is_checked_like_a_story(fixture_site, capsys):
    fixture_site.write(
        "en/about.md",
        "---\ntitle: About\nreviewed: 2026-11-01\nclient_information: true\n"
        'sources:\n  - name: "Example"\n    url: https://example.org\n    kind: other\n'
        '    checked: 2026-11-01\n    quote: "Ana"\n---\n\n'
        "# About\n\nWrite to ana@example.com.\n",
    )
    assert fixture_site.build() == 1
    assert "docs/en/about.md:15: H084" in capsys.readouterr().err


def test_a_consent_due_for_review_is_a_warning_for_editors(fixture_site):
    from haven.checks import check
    from haven.sources import site

    write_story(fixture_site, consent=CONSENT.replace("2099-01-01", "2026-06-01"))
    findings, _ = check.run(fixture_site.config, datetime.date(2026, 11, 28))
    (due,) = [f for f in findings if f.code == "H088"]
    assert due.path == "docs/en/stories/ana.md" and due.severity.value == "warning"
    assert site.load(fixture_site.config)  # the site itself is fine


def test_the_navigation_loses_a_withdrawn_story_and_any_section_left_empty():
    nav = ["index.md", {"Stories": ["stories/index.md", "stories/ana.md"]}, {"Old": ["stories/old.md"]}]
    assert stories.without(nav, frozenset({"stories/ana.md", "stories/old.md"})) == [
        "index.md",
        {"Stories": ["stories/index.md"]},
    ]
    assert stories.without(nav, frozenset()) == nav
