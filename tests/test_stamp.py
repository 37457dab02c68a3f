from haven.commands.cli import main
from haven.sources import content, site, translations


def english_hash(fixture_site, rel):
    the_site = site.load(fixture_site.config)
    page, _ = content.read_page(fixture_site.root / "docs" / "en" / rel, the_site)
    return translations.source_hash(page)


def test_stamp_inserts_the_hash_and_changes_nothing_else(fixture_site, capsys):
    path = fixture_site.write("es/index.md", "---\ntitle: Sus derechos\nhuman_reviewed: false\n---\n\n# Hola\n")
    assert main(["-f", str(fixture_site.config), "stamp", str(path)]) == 0
    expected = english_hash(fixture_site, "index.md")
    assert path.read_text() == (
        f"---\ntitle: Sus derechos\nhuman_reviewed: false\nsource_hash: {expected}\n---\n\n# Hola\n"
    )
    assert capsys.readouterr().out.strip().endswith(f"source_hash (none) -> {expected}")


def test_stamp_replaces_an_old_hash(fixture_site):
    path = fixture_site.translate("es", "index.md", "Sus derechos", "# Hola\n", source_hash="0123456789ab")
    assert main(["-f", str(fixture_site.config), "stamp", str(path)]) == 0
    assert f"source_hash: {english_hash(fixture_site, 'index.md')}\n" in path.read_text()
    assert "0123456789ab" not in path.read_text()


def test_an_english_page_cannot_be_stamped(fixture_site, capsys):
    path = fixture_site.root / "docs" / "en" / "index.md"
    assert main(["-f", str(fixture_site.config), "stamp", str(path)]) == 1
    assert "H021" in capsys.readouterr().err


def test_stamp_takes_paths_relative_to_where_the_editor_stands(fixture_site, monkeypatch):
    fixture_site.write("es/index.md", "---\ntitle: Sus derechos\nhuman_reviewed: false\n---\n")
    fixture_site.write("es/rights/at-home.md", "---\ntitle: En casa\nhuman_reviewed: false\n---\n")
    monkeypatch.chdir(fixture_site.root)
    assert main(["stamp", "docs/es/index.md", "docs/es/rights/at-home.md"]) == 0
    assert (
        f"source_hash: {english_hash(fixture_site, 'rights/at-home.md')}"
        in (fixture_site.root / "docs/es/rights/at-home.md").read_text()
    )


def test_new_translation_starts_from_the_current_english_page(fixture_site, capsys):
    assert main(["-f", str(fixture_site.config), "new-translation", "es", "docs/en/rights/at-home.md"]) == 0
    path = fixture_site.root / "docs" / "es" / "rights" / "at-home.md"
    text = path.read_text()
    assert text.startswith(
        '---\ntitle: "If agents come to your home"\n'
        f"source_hash: {english_hash(fixture_site, 'rights/at-home.md')}\nhuman_reviewed: false\n---\n"
    )
    assert text.endswith("Ask for a warrant signed by a judge.\n")
    assert "Started" in capsys.readouterr().out
    # The new page is valid and current, so the site builds with it.
    assert fixture_site.build() == 0


def test_new_translation_refuses_to_overwrite_or_guess(fixture_site, capsys):
    config = str(fixture_site.config)
    assert main(["-f", config, "new-translation", "es", "index.md"]) == 0
    assert main(["-f", config, "new-translation", "es", "index.md"]) == 1
    assert "H022 this translation already exists" in capsys.readouterr().err
    assert main(["-f", config, "new-translation", "fr", "index.md"]) == 1
    assert main(["-f", config, "new-translation", "es", "nothing.md"]) == 1


def test_stamp_takes_the_forms_new_translation_takes_from_any_folder(fixture_site, monkeypatch, capsys):
    path = fixture_site.write("es/rights/at-home.md", "---\ntitle: En casa\nhuman_reviewed: false\n---\n")
    expected = f"source_hash: {english_hash(fixture_site, 'rights/at-home.md')}"
    monkeypatch.chdir(fixture_site.root / "docs" / "es")  # mkdocs.yml is found above
    for words in (["es", "rights/at-home.md"], ["rights/at-home.md"], ["es/rights/at-home.md"]):
        path.write_text("---\ntitle: En casa\nhuman_reviewed: false\n---\n")
        assert main(["stamp", *words]) == 0, words
        assert expected in path.read_text()
    capsys.readouterr()
    assert main(["stamp", "at-home.md"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "at-home.md:1: H021 there is no translated page here "
        "(hint: name it as docs/es/rights/at-home.md, or as: es rights/at-home.md)",
        "1 problem found.",
    ]
