"""haven export / haven import on small sites in tmp_path: what a translator and a reviewer would notice."""

from __future__ import annotations

from pathlib import Path

import pytest
from translate.storage import pypo, xliff

from conftest import ENGLISH_AT_HOME, FixtureSite
from haven.commands import export
from haven.commands.cli import main
from haven.sources import content, segments, site, translations

# The fixture site's English page about the home, with a description and every kind of block the pages use.
ENGLISH_FRONT_MATTER = ENGLISH_AT_HOME.partition("\n---\n")[0].replace(
    "title: If agents come to your home\n", "title: If agents come to your home\ndescription: Keep the door closed.\n"
)
ENGLISH = (
    ENGLISH_FRONT_MATTER
    + """
---

# If agents come to your home

!!! tip "What to do"
    - Keep the door closed.
    - Ask for a lawyer.

## Ask to see the warrant { #warrant }

Ask for a warrant signed by a judge.
Read [how to check it](../index.md).

| | ICE form | Judge's warrant |
|---|---|---|
| Signed by | An officer | A judge |

<!-- The card is printed on the rights card page too. -->
- Stay silent.
  Say: "I want to remain silent."
    - Do not sign anything.
"""
)

SPANISH_BODY = """\
# Si llegan agentes a su casa

!!! tip "Qué hacer"
    - Mantenga la puerta cerrada.
    - Pida un abogado.

## Pida ver la orden { #warrant }

Pida una orden firmada por un juez.
Lea [cómo revisarla](../index.md).

| | Formulario de ICE | Orden de un juez |
|---|---|---|
| Firmado por | Un agente | Un juez |

<!-- The card is printed on the rights card page too. -->
- Guarde silencio.
  Diga: "Quiero guardar silencio."
    - No firme nada.
"""


@pytest.fixture
def home(tmp_path: Path) -> FixtureSite:
    """English and Spanish; the English page about the home has every kind of block the pages use."""
    (tmp_path / "site").mkdir()
    fixture = FixtureSite(tmp_path / "site", {"en": "English", "es": "Español"})
    fixture.write("en/rights/at-home.md", ENGLISH)
    return fixture


def run(fixture: FixtureSite, *words: str) -> int:
    return main(["-f", str(fixture.config), *words])


def english_hash(fixture: FixtureSite) -> str:
    page, _ = content.read_page(fixture.root / "docs/en/rights/at-home.md", site.load(fixture.config))
    assert page is not None
    return translations.source_hash(page)


def spanish(fixture: FixtureSite, source_hash: str | None = None) -> Path:
    path = fixture.translate(
        "es", "rights/at-home.md", "Si llegan agentes a su casa", SPANISH_BODY, source_hash=source_hash
    )
    text = path.read_text().replace(
        "human_reviewed: false", "description: Mantenga la puerta cerrada.\nhuman_reviewed: true"
    )
    path.write_text(text)
    return path


def export_page(fixture: FixtureSite, form: str = "po") -> Path:
    assert (
        run(fixture, "export", "es", "rights/at-home.md", "--format", form, "--output", str(fixture.root / "out")) == 0
    )
    return fixture.root / "out" / "es" / "rights" / ("at-home.po" if form == "po" else "at-home.xlf")


def edit(path: Path, key: str, target: str, *, reviewed: bool | None = None) -> None:
    """As Poedit or a platform saves a translator's change: translate-toolkit reads and writes the file."""
    store = (pypo.pofile if path.suffix == ".po" else xliff.xlifffile).parsefile(str(path))
    for unit in store.units:
        if unit.isheader():
            continue
        unit_key = unit.getcontext() if path.suffix == ".po" else unit.xmlelement.get("id")
        if unit_key == key:
            unit.target = target
        if reviewed is not None and unit.target:
            unit.markfuzzy(not reviewed)
    path.write_bytes(bytes(store))


def test_the_segments_of_a_page_give_it_back_byte_for_byte():
    body = ENGLISH.split("\n---\n", 1)[1] + "\ntext with two trailing spaces  \n"
    pieces = segments.segment(body)
    assert segments.render(pieces) == body
    assert [(unit.key, unit.text) for unit in segments.units(pieces)] == [
        ("heading-1", "If agents come to your home"),
        ("admonition-1", "What to do"),
        ("item-1", "Keep the door closed."),
        ("item-2", "Ask for a lawyer."),
        ("heading-2", "Ask to see the warrant { #warrant }"),
        ("paragraph-1", "Ask for a warrant signed by a judge.\nRead [how to check it](../index.md)."),
        ("cell-1", "ICE form"),
        ("cell-2", "Judge's warrant"),
        ("cell-3", "Signed by"),
        ("cell-4", "An officer"),
        ("cell-5", "A judge"),
        ("item-3", 'Stay silent.\nSay: "I want to remain silent."'),
        ("item-4", "Do not sign anything."),
        ("paragraph-2", "text with two trailing spaces"),
    ]
    # Code and comments are not translated; a tag alone on its line is markup, a tag in a sentence is text.
    other = '<div markdown>\n<span lang="en">Hi</span> there\n\n```\n# not a heading\n```\n<!--\n# nor this\n-->\n'
    assert [unit.text for unit in segments.units(segments.segment(other))] == ['<span lang="en">Hi</span> there']
    # A translation one line longer keeps the list item's indentation on its new line.
    texts = {"item-3": "Guarde silencio.\nDiga:\n«Quiero guardar silencio»."}
    assert "- Guarde silencio.\n  Diga:\n  «Quiero guardar silencio».\n    - Do not" in segments.render(pieces, texts)


@pytest.mark.parametrize("form", ["po", "xliff"])
def test_an_edit_in_poedit_changes_exactly_that_text(home: FixtureSite, form: str, capsys):
    path = spanish(home)
    before = path.read_text()
    exported = export_page(home, form)
    edit(exported, "paragraph-1", "Pida al agente una orden firmada por un juez.\nLea [cómo revisarla](../index.md).")
    assert run(home, "import", str(exported)) == 0
    assert path.read_text() == before.replace("Pida una orden", "Pida al agente una orden")
    assert (
        capsys.readouterr().out.splitlines()[-1] == "docs/es/rights/at-home.md: 15 of 15 texts translated and reviewed"
    )


def test_export_writes_the_english_location_and_the_versions(home: FixtureSite):
    spanish(home, source_hash="0123456789ab")
    text = export_page(home).read_text()
    assert f'"X-Haven-English-Hash: {english_hash(home)}\\n"' in text
    assert '"X-Haven-Translation-Hash: 0123456789ab\\n"' in text
    assert '#: docs/en/rights/at-home.md:21\n#, fuzzy\nmsgctxt "paragraph-1"\n' in text


def refused(home: FixtureSite, capsys, edits: dict[str, str]) -> tuple[Path, list[str]]:
    """Import an exported file with these edits: it is refused and the page stays byte for byte as it was.
    Returns the file and what import printed on stderr."""
    path = spanish(home)
    before = path.read_bytes()
    exported = export_page(home)
    for key, text in edits.items():
        edit(exported, key, text)
    capsys.readouterr()
    assert run(home, "import", str(exported)) == 1
    assert path.read_bytes() == before
    return exported, capsys.readouterr().err.splitlines()


def test_a_broken_link_target_is_named_and_nothing_is_written(home: FixtureSite, capsys):
    exported, err = refused(
        home,
        capsys,
        {"paragraph-1": "Pida una orden.\nLea [cómo revisarla](../indice.md).", "heading-2": "Pida ver la orden"},
    )
    shown = exported.relative_to(Path.cwd()) if exported.is_relative_to(Path.cwd()) else exported
    assert err == [
        f"{shown}:{line(exported, 'heading-2')}: H108 heading-2: the translation's attribute lists are none, "
        "the English text's '{ #warrant }' (hint: keep each attribute list exactly as in the English text; "
        "translate only the words around it)",
        f"{shown}:{line(exported, 'paragraph-1')}: H108 paragraph-1: the translation's link targets are "
        "'../indice.md', the English text's '../index.md' (hint: keep each link target exactly as in the "
        "English text; translate only the words around it)",
        f"{shown}: not imported; no page was changed.",
    ]


def test_a_line_that_would_start_another_block_is_named(home: FixtureSite, capsys):
    _, err = refused(
        home, capsys, {"item-3": "Guarde silencio.\n- Diga: «Quiero guardar silencio».", "cell-4": "Un agente | de ICE"}
    )
    assert [line.split(": ", 1)[1] for line in err[:2]] == [
        "H108 cell-4: the line 'Un agente | de ICE' of the translation would start a new list item, heading or "
        "table cell on the page (hint: join it to the line before it, or start it with other words)",
        "H108 item-3: the line '- Diga: «Quiero guardar silencio».' of the translation would start a new list "
        "item, heading or table cell on the page (hint: join it to the line before it, or start it with other words)",
    ]


def line(path: Path, key: str) -> int:
    return path.read_text().splitlines().index(f'msgctxt "{key}"') + 1


@pytest.mark.parametrize("form", ["po", "xliff"])
def test_a_stale_translation_comes_back_fuzzy_and_keeps_its_old_hash_until_reviewed(home: FixtureSite, form, capsys):
    path = spanish(home, source_hash="0123456789ab")
    before = path.read_bytes()
    exported = export_page(home, form)
    assert run(home, "import", str(exported)) == 0
    assert path.read_bytes() == before
    assert capsys.readouterr().out.splitlines()[-1] == (
        "docs/es/rights/at-home.md: 0 of 15 texts translated and reviewed; source_hash kept at 0123456789ab: "
        "readers are still told it may be out of date"
    )
    edit(exported, "item-1", "Mantenga la puerta bien cerrada.")  # one text reviewed: still not finished
    assert run(home, "import", str(exported)) == 0
    assert "source_hash: 0123456789ab\n" in path.read_text()
    edit(exported, "item-1", "Mantenga la puerta bien cerrada.", reviewed=True)
    assert run(home, "import", str(exported)) == 0
    assert path.read_bytes() == before.replace(b"0123456789ab", english_hash(home).encode()).replace(
        b"la puerta cerrada.\n    - Pida", b"la puerta bien cerrada.\n    - Pida"
    )


def test_a_translation_finished_after_the_english_page_changed_records_the_version_it_was_made_from(
    home: FixtureSite, capsys
):
    path = spanish(home, source_hash="0123456789ab")
    exported = export_page(home)
    made_from = english_hash(home)
    english = home.root / "docs/en/rights/at-home.md"
    english.write_text(english.read_text().replace("Ask for a lawyer.", "Ask for a lawyer now."))
    edit(exported, "item-2", "Pida un abogado.", reviewed=True)
    capsys.readouterr()
    assert run(home, "import", str(exported)) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"docs/es/rights/at-home.md: every text translated; source_hash 0123456789ab -> {made_from}, the English "
        "version exported; it changed since, and readers are told so"
    ]
    assert f"source_hash: {made_from}\n" in path.read_text()
    assert made_from != english_hash(home)


def test_a_new_translation_is_written_only_when_finished(home: FixtureSite, capsys):
    exported = export_page(home, "xliff")
    target = home.root / "docs/es/rights/at-home.md"
    edit(exported, "title", "Si llegan agentes a su casa")
    assert run(home, "import", str(exported)) == 1
    assert "H109 docs/es/rights/at-home.md does not exist yet, and 14 of 15 texts are not translated" in (
        capsys.readouterr().err
    )
    assert not target.exists()
    store = xliff.xlifffile.parsefile(str(exported))
    for unit in store.units:
        unit.target = "ES " + unit.source  # links and attributes kept
    exported.write_bytes(bytes(store))
    assert run(home, "import", str(exported)) == 0
    assert target.read_text().startswith(
        '---\ntitle: "ES If agents come to your home"\ndescription: "ES Keep the door closed."\n'
        f"source_hash: {english_hash(home)}\nhuman_reviewed: false\n---\n\n# ES If agents come to your home\n\n"
        '!!! tip "ES What to do"\n    - ES Keep the door closed.\n'
    )


def test_a_translation_with_other_blocks_is_exported_empty_and_rebuilt_on_the_english_blocks(home: FixtureSite, capsys):
    path = spanish(home)
    path.write_text(
        path.read_text().replace("Pida una orden firmada por un juez.\n", "Pida una orden.\n\nDe un juez.\n")
    )
    before = path.read_bytes()
    exported = export_page(home)
    assert capsys.readouterr().err.splitlines() == [
        "docs/es/rights/at-home.md:1: H107 warning: its blocks (headings, paragraphs, list items, table cells) "
        "differ from docs/en/rights/at-home.md's: exported with no translation filled in (hint: translate every "
        "text in the file; import builds the page with the English page's blocks)"
    ]
    assert 'msgstr ""\n\n' in exported.read_text() and "Pida" not in exported.read_text()
    assert run(home, "import", str(exported)) == 0  # nothing translated: the page stays as it is
    assert path.read_bytes() == before
    edit(exported, "paragraph-1", "Pida una orden firmada por un juez.\nLea [cómo revisarla](../index.md).")
    assert run(home, "import", str(exported)) == 0
    text = path.read_text()
    assert "\n\nPida una orden firmada por un juez.\nLea [cómo revisarla](../index.md).\n\n| | ICE form |" in text
    assert "De un juez" not in text
    assert text.startswith("---\ntitle: Si llegan agentes a su casa\n")  # the title it had, not the English one


def test_a_file_exported_before_the_english_page_changed_its_blocks_is_refused(home: FixtureSite, capsys):
    spanish(home)
    exported = export_page(home)
    english = home.root / "docs/en/rights/at-home.md"
    english.write_text(english.read_text() + "\nA new paragraph.\n")
    capsys.readouterr()
    assert run(home, "import", str(exported)) == 1
    assert (
        "H106 its texts no longer match the English page docs/en/rights/at-home.md, which changed after the export"
        in (capsys.readouterr().err)
    )


def test_unknown_language_page_and_file(home: FixtureSite, tmp_path: Path, capsys):
    out = str(tmp_path / "out")
    assert run(home, "export", "fr", "--output", out) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "mkdocs.yml:1: H105 'fr' is not a translation language of this site (hint: use one of: es)"
    )
    assert run(home, "export", "es", "rights/in-a-car.md", "--output", out) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "docs/en/rights/in-a-car.md:1: H105 there is no such English page (hint: give the page's path inside docs/en/)"
    )
    not_ours = tmp_path / "other.po"
    not_ours.write_text('msgid "Hello"\nmsgstr "Hola"\n')
    assert run(home, "import", str(not_ours)) == 1
    assert f"{not_ours}:1: H106 this file does not say which page and language it is for" in capsys.readouterr().err
    broken = tmp_path / "broken.xlf"
    broken.write_text("<xliff><file")
    assert run(home, "import", str(broken), str(tmp_path / "missing.po"), str(home.config)) == 1
    assert capsys.readouterr().err.splitlines()[::2] == [
        f"{broken}:1: H106 this file cannot be read (Couldn't find end of Start Tag file line 1, line 1, column 13 "
        "(<string>, line 1)) (hint: import the .po or .xlf file that .venv/bin/haven export wrote)",
        f"{tmp_path / 'missing.po'}:1: H106 there is no such file (hint: import the .po or .xlf file that "
        ".venv/bin/haven export wrote)",
        f"{home.config}:1: H106 this is not a .po or .xlf file (hint: import the .po or .xlf file that "
        ".venv/bin/haven export wrote)",
    ]


def test_notes_for_a_text_reach_the_translator(home: FixtureSite, tmp_path: Path):
    def glossary(text: str) -> list[str]:
        return ["ICE: keep the agency's name as it is"] if "ICE" in text else []

    the_site = site.load(home.config)
    (written,), warnings = export.export(the_site, "es", ["rights/at-home.md"], "po", tmp_path, glossary)
    assert warnings == []
    assert (
        "#. ICE: keep the agency's name as it is\n#: docs/en/rights/at-home.md:24\n"
        'msgctxt "cell-1"\nmsgid "ICE form"\nmsgstr ""\n'
    ) in written.read_text()


def test_the_glossarys_agreed_words_reach_the_translator(home: FixtureSite, tmp_path: Path):
    (home.root / "data" / "glossary.yml").write_text(
        "terms:\n"
        "  - id: ice-form\n"
        '    en: ["ICE form*"]\n'
        '    note: "A form ICE fills in and signs itself."\n'
        "    words:\n"
        '      es: {use: "formulario de ICE"}\n',
        encoding="utf-8",
    )
    assert run(home, "export", "es", "rights/at-home.md", "--output", str(tmp_path / "out")) == 0
    assert (
        '#. glossary: "ICE form" is "formulario de ICE". A form ICE fills in and signs itself.\n'
        '#: docs/en/rights/at-home.md:24\nmsgctxt "cell-1"\nmsgid "ICE form"\n'
    ) in (tmp_path / "out" / "es" / "rights" / "at-home.po").read_text()


def test_a_title_the_page_cannot_have_is_named_and_the_page_put_back(home: FixtureSite, capsys):
    _, err = refused(home, capsys, {"title": "Si llegan <b>agentes</b>"})
    assert err[0].startswith("docs/es/rights/at-home.md:2: H007")
