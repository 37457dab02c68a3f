"""Urgent notices: one entry in data/notices.yml, a banner on every page in every language."""

import textwrap

import pytest

from haven.commands.cli import main

NOTICES = """\
notices:
  - id: new-rule
    date: 2026-11-20
    expires: 2026-12-31
    link: rights/at-home.md
    text:
      en: "A new rule changes what agents may do at your door."
      es: "Una nueva regla cambia lo que los agentes pueden hacer en su puerta."
  - id: old-rule
    date: 2026-01-01
    expires: 2026-02-01
    text:
      en: "An old notice."
"""


def write_notices(fixture_site, text=NOTICES):
    (fixture_site.root / "data" / "notices.yml").write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture
def built_on(fixture_site, monkeypatch):
    def build(day):
        monkeypatch.setenv("HAVEN_TODAY", day)
        assert fixture_site.build() == 0

    return build


def test_a_banner_on_every_page_in_every_language(fixture_site, built_on):
    write_notices(fixture_site)
    built_on("2026-11-28")
    spanish = fixture_site.html("es/")
    assert 'data-haven-urgent="new-rule"' in spanish
    assert "<span>Una nueva regla cambia lo que los agentes pueden hacer en su puerta.</span>" in spanish
    assert '<a href="rights/at-home/">Lea qué hacer</a>' in spanish
    assert '<time datetime="2026-11-20">20 de noviembre de 2026</time>' in spanish
    # Arabic has no text yet: the English text, marked as English.
    arabic = fixture_site.html("ar/rights/at-home/")
    assert '<span lang="en" dir="ltr">A new rule changes what agents may do at your door.</span>' in arabic
    assert 'data-haven-urgent="new-rule"' in fixture_site.html("404.html")
    assert 'data-haven-urgent="new-rule"' in fixture_site.html("ar/404.html")
    # The expired notice is shown nowhere.
    assert "old-rule" not in spanish and "old-rule" not in fixture_site.html("")


def test_no_banner_before_the_date_or_without_notices(fixture_site, built_on):
    write_notices(fixture_site)
    built_on("2026-11-19")
    assert "haven-urgent" not in fixture_site.html("es/")
    assert 'class="md-banner' not in fixture_site.html("es/")
    (fixture_site.root / "data" / "notices.yml").unlink()
    built_on("2026-11-28")
    assert 'class="md-banner' not in fixture_site.html("")


def test_check_names_the_languages_a_notice_lacks(fixture_site, capsys, monkeypatch):
    write_notices(fixture_site)
    monkeypatch.setenv("HAVEN_TODAY", "2026-11-28")
    assert main(["-f", str(fixture_site.config), "check"]) == 0
    out = capsys.readouterr().out.splitlines()
    urgent = [line.split(" (hint")[0] for line in out if line.startswith("data/notices.yml")]
    assert urgent == [
        "data/notices.yml:2: H056 warning: the notice 'new-rule' has no text in Kreyòl ayisyen (ht); readers there "
        "see the English text",
        "data/notices.yml:2: H056 warning: the notice 'new-rule' has no text in العربية (ar); readers there see "
        "the English text",
        "data/notices.yml:9: H057 info: the notice 'old-rule' expired on 2026-02-01 and is no longer shown",
    ]


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda t: t.replace("expires: 2026-12-31", "expires: 2026-11-01"), "H014 "),
        (
            lambda t: t.replace('      en: "An old notice."', '      es: "Un aviso."'),
            "H013 the notice 'old-rule' needs",
        ),
        (lambda t: t.replace("link: rights/at-home.md", "link: rights/nowhere.md"), "H058 "),
        (lambda t: t.replace('      en: "An old notice."', '      en: "x"\n      xx: "y"'), "H059 "),
        (lambda t: t.replace("id: old-rule", "id: new-rule"), "H002 two notices are called 'new-rule'"),
    ],
)
def test_bad_notices_stop_the_build(fixture_site, capsys, change, expected):
    write_notices(fixture_site, change(NOTICES))
    assert fixture_site.build() == 1
    err = capsys.readouterr().err
    assert "data/notices.yml:" in err and expected in err, err
