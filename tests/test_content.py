"""Validation of a whole site's sources: every problem, with its file and line."""

import pytest

from haven.core.diagnostics import DiagnosticsError
from haven.sources import content, site, translations


def load(fixture_site):
    return content.load(site.load(fixture_site.config))


def codes(fixture_site):
    with pytest.raises(DiagnosticsError) as caught:
        load(fixture_site)
    return [(d.path, d.line, d.code) for d in caught.value.diagnostics]


def test_fixture_site_is_valid(fixture_site):
    loaded = load(fixture_site)
    assert set(loaded.pages) == {("en", "index.md"), ("en", "rights/at-home.md")}


def test_every_problem_is_reported_in_one_run(fixture_site):
    fixture_site.write("en/a.md", "---\ntitle: A\n")
    fixture_site.write("en/b.md", "---\n- a list\n---\n")
    assert codes(fixture_site) == [("docs/en/a.md", 1, "H010"), ("docs/en/b.md", 2, "H011")]


def test_a_translation_whose_english_page_does_not_exist(fixture_site):
    fixture_site.translate("es", "gone.md", "Perdido", "Texto", source_hash="0123456789ab")
    assert codes(fixture_site) == [("docs/es/gone.md", 1, "H020")]


def test_a_folder_that_is_not_a_language(fixture_site):
    fixture_site.write("fr/index.md", "---\ntitle: Vos droits\n---\n")
    assert codes(fixture_site) == [("docs/fr/index.md", 1, "H032")]


def test_missing_strings_file(fixture_site):
    (fixture_site.root / "data" / "strings" / "ar.yml").unlink()
    assert codes(fixture_site) == [("data/strings/ar.yml", 1, "H040")]


def test_strings_file_missing_a_key(fixture_site):
    path = fixture_site.root / "data" / "strings" / "es.yml"
    path.write_text("\n".join(line for line in path.read_text().splitlines() if not line.startswith("stale_link")))
    with pytest.raises(DiagnosticsError) as caught:
        load(fixture_site)
    (problem,) = caught.value.diagnostics
    assert problem.path == "data/strings/es.yml" and problem.code == "H013" and "stale_link" in problem.message


def test_translation_states(fixture_site):
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n", human_reviewed=True)
    fixture_site.translate("ar", "index.md", "حقوقك", "# حقوقك\n", source_hash="0123456789ab")
    loaded = load(fixture_site)
    assert translations.status(loaded, "en", "index.md").state is translations.State.SOURCE
    spanish, arabic = translations.status(loaded, "es", "index.md"), translations.status(loaded, "ar", "index.md")
    assert (spanish.state, spanish.human_reviewed) == (translations.State.CURRENT, True)
    assert (arabic.state, arabic.human_reviewed) == (translations.State.STALE, False)
    assert translations.status(loaded, "ht", "index.md").state is translations.State.FALLBACK
    assert translations.translated_languages(loaded, "index.md") == ["en", "es", "ar"]


def test_source_hash_ignores_trailing_spaces_but_not_words(fixture_site):
    the_site = site.load(fixture_site.config)
    path = fixture_site.root / "docs" / "en" / "index.md"
    before = translations.source_hash(content.read_page(path, the_site)[0])
    crlf = path.read_text().replace("\n", "  \r\n")
    path.write_bytes(crlf.encode())
    assert translations.source_hash(content.read_page(path, the_site)[0]) == before
    path.write_text(path.read_text().replace("door.", "window."))
    assert translations.source_hash(content.read_page(path, the_site)[0]) != before


def test_a_changed_description_makes_translations_stale(fixture_site):
    """Descriptions are translated (search results, shared links): changing one alone marks translations stale."""
    path = fixture_site.root / "docs" / "en" / "index.md"
    path.write_text(
        path.read_text().replace("title: Know your rights\n", "title: Know your rights\ndescription: Stay safe.\n")
    )
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n")
    assert translations.status(load(fixture_site), "es", "index.md").state is translations.State.CURRENT
    path.write_text(path.read_text().replace("Stay safe.", "Stay safe at home."))
    assert translations.status(load(fixture_site), "es", "index.md").state is translations.State.STALE


def test_a_hash_recorded_before_descriptions_counted_still_names_its_version(fixture_site):
    """Such a translation reads as stale until stamped again, but its English version can still be found."""
    the_site = site.load(fixture_site.config)
    path = fixture_site.root / "docs" / "en" / "index.md"
    without = content.read_page(path, the_site)[0]
    path.write_text(
        path.read_text().replace("title: Know your rights\n", "title: Know your rights\ndescription: Stay safe.\n")
    )
    english = content.read_page(path, the_site)[0]
    # A page without a description hashes as before; with one, the old form (title and body) still matches.
    assert translations.source_hash(without) != translations.source_hash(english)
    assert translations.made_from(translations.source_hash(without), english)
    assert translations.made_from(translations.source_hash(english), english)
    assert not translations.made_from(translations.source_hash(english), without)
