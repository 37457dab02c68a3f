"""`haven review`: a fluent speaker's review records who and when, and counts only for the English version reviewed."""

import re

import yaml

from conftest import REPO
from haven.commands.cli import main


def run(fixture_site, capsys, *args):
    code = main(["-f", str(fixture_site.config), *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def spanish(key):
    return yaml.safe_load((REPO / "data" / "strings" / "es.yml").read_text())[key]


def test_a_review_names_the_reviewer_and_the_day_on_the_page(fixture_site, capsys):
    page = fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n\nNo abra la puerta.\n")
    before = page.read_text()
    code, out = run(fixture_site, capsys, "review", "es", "index.md", "--by", "María <b>G.</b>")
    assert (code, out) == (
        1,
        "docs/es/index.md:5: H007 this text holds the HTML tag <b>, which Haven does not publish "
        "(hint: write plain text; Markdown and HTML belong in the page's body)\n1 problem found.\n",
    )
    assert page.read_text() == before  # a refused review leaves the page as it was
    code, out = run(fixture_site, capsys, "review", "es", "index.md", "--by", 'María "Mari" G. & co')
    assert (code, out) == (0, 'docs/es/index.md: reviewed by María "Mari" G. & co\n')
    source_hash = re.search(r"source_hash: (\w+)", before).group(1)
    assert page.read_text() == before.replace(
        "human_reviewed: false\n",
        f'human_reviewed:\n  by: "María \\"Mari\\" G. & co"\n  date: 2026-12-01\n  source_hash: {source_hash}\n',
    )
    assert fixture_site.build() == 0
    html = fixture_site.html("es/")
    assert 'data-haven-notice="unreviewed"' not in html
    name = "María &#34;Mari&#34; G. &amp; co"  # a name is text, never markup
    sentence = spanish("translation_reviewed").replace("{name}", f"<bdi>{name}</bdi>")
    assert sentence.replace("{date}", '<time datetime="2026-12-01">1 de diciembre de 2026</time>') in html
    status_page = fixture_site.html("editors/status/")
    assert f"<td>docs/es/index.md</td><td>{name}</td><td>2026-12-01</td><td>yes</td>" in status_page


def test_a_review_of_an_older_english_page_no_longer_counts(fixture_site, capsys):
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n\nNo abra la puerta.\n")
    assert run(fixture_site, capsys, "review", "docs/es/index.md", "--by", "Maria G.")[0] == 0
    english = fixture_site.root / "docs" / "en" / "index.md"
    english.write_text(english.read_text().replace("Do not open the door.", "Keep the door closed."))
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n\nMantenga la puerta cerrada.\n")
    page = fixture_site.root / "docs" / "es" / "index.md"
    page.write_text(
        page.read_text().replace(
            "human_reviewed: false",
            'human_reviewed:\n  by: "Maria G."\n  date: 2026-12-01\n  source_hash: 0123456789ab',
        )
    )
    code, out = run(fixture_site, capsys, "check", "--details")
    assert code == 0
    assert [line for line in out.splitlines() if "H048" in line or "H053" in line] == [
        "docs/es/index.md:4: H048 info: the review by Maria G. on 2026-12-01 was of an older English page; it no "
        "longer counts (hint: after a review against the English page, run: .venv/bin/haven review "
        "docs/es/index.md --by 'your name or handle')"
    ]
    assert fixture_site.build() == 0
    assert 'data-haven-notice="unreviewed"' in fixture_site.html("es/")
    assert "Maria G." not in fixture_site.html("es/")
    assert (
        "<td>docs/es/index.md</td><td>Maria G.</td><td>2026-12-01</td><td>no: the English page changed since</td>"
        in (fixture_site.html("editors/status/"))
    )


def test_only_a_finished_current_translation_can_be_marked_reviewed(fixture_site, capsys):
    stale = fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n", source_hash="0123456789ab")
    english_left = fixture_site.translate("es", "rights/at-home.md", "En casa", "# En casa\n\nKeep the door closed.\n")
    texts = stale.read_text(), english_left.read_text()
    code, out = run(fixture_site, capsys, "review", "es", "index.md", "--by", "Maria G.")
    assert (code, out) == (
        1,
        "docs/es/index.md:1: H036 this translation does not match the English page as it is now, so it cannot be "
        "marked reviewed (hint: bring it up to date and run: .venv/bin/haven stamp docs/es/index.md; then review "
        "it)\n1 problem found.\n",
    )
    code, out = run(fixture_site, capsys, "review", "es", "rights/at-home.md", "--by", "Maria G.")
    assert (code, out) == (
        1,
        "docs/es/rights/at-home.md:1: H036 line 9 of this translation is still in English "
        "(hint: translate every line first; then review it)\n1 problem found.\n",
    )
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n\nNo abra la puerta.\n")
    code, out = run(fixture_site, capsys, "review", "es", "index.md", "--by", "  ")
    assert code == 1 and "H036 the reviewer's name or handle is empty" in out
    assert (stale.read_text() != texts[0]) and english_left.read_text() == texts[
        1
    ]  # only the re-translation changed it
    assert "human_reviewed: false" in stale.read_text()


def test_a_bare_true_says_neither_who_nor_when(fixture_site, capsys):
    page = fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n\nNo abra la puerta.\n")
    page.write_text(page.read_text().replace("human_reviewed: false", "human_reviewed: true"))
    code, out = run(fixture_site, capsys, "check")
    assert code == 1
    assert [line for line in out.splitlines() if "H049" in line] == [
        "docs/es/index.md:4: H049 human_reviewed: true does not say who reviewed this translation, nor when "
        "(hint: the reviewer runs: .venv/bin/haven review docs/es/index.md --by 'their name or handle')"
    ]
