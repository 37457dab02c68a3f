"""Each page's sources say what they are, when they were compared with the page and what supports it;
haven check names the weak ones, and readers see kind and date at the page's foot."""

from __future__ import annotations

from haven.commands.cli import main

PAGE = """---
title: Papers
reviewed: 2026-11-01
sources:
  - name: "ACLU of Maine: Immigration enforcement and warrants"
    url: https://www.aclumaine.org/en/know-your-rights/immigration-enforcement-and-warrants
    kind: {kind}
    checked: {checked}
{quote}---

# Papers

Keep copies of your papers.
"""
QUOTE = '    quote: "An administrative warrant does not grant ICE permission to enter or search your house."\n'


def write_page(fixture_site, kind="organization", checked="2026-11-01", quote=QUOTE):
    fixture_site.write("en/papers.md", PAGE.format(kind=kind, checked=checked, quote=quote))


def findings(fixture_site, capsys, *extra):
    code = main(["-f", str(fixture_site.config), "check", *extra])
    return code, [line for line in capsys.readouterr().out.splitlines() if " H04" in line]


def test_a_source_with_its_kind_date_and_quote_raises_nothing(fixture_site, capsys):
    write_page(fixture_site)
    assert findings(fixture_site, capsys) == (0, [])


def test_a_source_without_a_quote_is_named_at_its_line(fixture_site, capsys):
    write_page(fixture_site, quote="")
    assert findings(fixture_site, capsys)[1] == [
        "docs/en/papers.md:5: H043 warning: the source 'ACLU of Maine: Immigration enforcement and warrants' "
        "has no quote (hint: copy the sentence on it that supports this page into 'quote: \"…\"')"
    ]


def test_news_needs_no_quote_but_a_page_resting_only_on_news_is_named(fixture_site, capsys):
    write_page(fixture_site, kind="news", quote="")
    assert findings(fixture_site, capsys)[1] == [
        "docs/en/papers.md:4: H044 warning: this page rests only on news and other reports (hint: add the page "
        "of the law, the court, the agency or the organization that says it (kind: law, court, government or "
        "organization))"
    ]


def test_a_source_compared_before_the_page_says_it_was_checked(fixture_site, capsys):
    write_page(fixture_site, checked="2019-05-01")
    assert findings(fixture_site, capsys)[1] == [
        "docs/en/papers.md:5: H045 warning: the page says it was checked on 2026-11-01, but the source 'ACLU of "
        "Maine: Immigration enforcement and warrants' was last compared with it on 2019-05-01 (hint: compare the "
        "source with the page again and update its 'checked:', or give 'reviewed:' the older date)"
    ]


def test_strict_makes_weak_sources_errors(fixture_site, capsys):
    write_page(fixture_site, kind="other", quote="")
    code, lines = findings(fixture_site, capsys, "--strict")
    assert code == 1
    assert [line.split(" ")[1:3] for line in lines] == [["H044", "this"], ["H043", "the"]]


def test_a_check_date_after_today_is_an_error(fixture_site, capsys, monkeypatch):
    monkeypatch.setenv("HAVEN_TODAY", "2026-11-15")
    write_page(fixture_site, checked="2026-11-20")
    code, lines = findings(fixture_site, capsys)
    assert code == 1
    assert lines == [
        "docs/en/papers.md:5: H042 the source 'ACLU of Maine: Immigration enforcement and warrants' was checked "
        "on 2026-11-20, which is after today (2026-11-15) (hint: write the day you compared it with the page, "
        "e.g. checked: 2026-11-15)"
    ]


def test_a_review_date_after_today_is_an_error(fixture_site, capsys, monkeypatch):
    monkeypatch.setenv("HAVEN_TODAY", "2026-10-15")
    write_page(fixture_site, checked="2026-10-01")
    code, lines = findings(fixture_site, capsys)
    assert code == 1
    assert (
        "docs/en/papers.md:3: H046 the page was reviewed on 2026-11-01, which is after today (2026-10-15) "
        "(hint: write the day you checked the page against its sources, e.g. reviewed: 2026-10-15)" in lines
    )


def test_an_unknown_kind_names_the_kinds(fixture_site, capsys):
    write_page(fixture_site, kind="blog")
    code = main(["-f", str(fixture_site.config), "check"])
    out = capsys.readouterr().out
    assert code == 1
    assert (
        "docs/en/papers.md:7: H014 sources.0.kind: input should be 'law', 'court', 'government', "
        "'organization', 'news' or 'other', found 'blog'"
    ) in out


def test_the_foot_shows_each_source_kind_and_date_and_the_page_says_no_lawyer_reviewed_it(fixture_site):
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n\nNo abra la puerta.\n")
    assert fixture_site.build() == 0
    english, spanish = fixture_site.html(""), fixture_site.html("es/")
    assert (
        '<span class="haven-sources__kind">Legal-aid or advocacy organization:</span>' in english
        and '<time datetime="2026-11-01">checked November 1, 2026</time>' in english
    )
    assert (
        '<span class="haven-sources__kind">Organización de ayuda legal o de defensa:</span>' in spanish
        and "revisada el 1 de noviembre de 2026" in spanish
    )
    assert 'data-haven-notice="no-legal-review"' in english
    assert "Ningún abogado ha revisado esta página todavía." in spanish


def test_a_recorded_lawyer_review_removes_the_notice(fixture_site):
    at_home = fixture_site.root / "docs" / "en" / "rights" / "at-home.md"
    text = at_home.read_text(encoding="utf-8")
    at_home.write_text(
        text.replace(
            "reviewed: 2026-11-01\n",
            'reviewed: 2026-11-01\nlegal_review:\n  by: "A. Lawyer, Example Legal Aid"\n  date: 2026-11-02\n',
            1,
        ),
        encoding="utf-8",
    )
    assert fixture_site.build() == 0
    assert 'data-haven-notice="no-legal-review"' not in fixture_site.html("rights/at-home/")
    assert 'data-haven-notice="no-legal-review"' in fixture_site.html("")
