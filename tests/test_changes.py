"""`haven changes`: what changed in English since a translation was made, read from a real git history."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import ENGLISH_AT_HOME, FIXTURE_LANGUAGES, FixtureSite
from haven.commands.cli import main
from haven.sources import content, site

# The fixture's English page, changed: officers, not only agents; a magistrate may sign the warrant.
CHANGED_AT_HOME = (
    ENGLISH_AT_HOME.replace("agents", "officers")
    .replace("door closed", "door firmly closed")
    .replace("by a judge.", "by a judge or a magistrate.")
)


def git(root: Path, *args: str, day: str = "2026-11-01") -> str:
    """git as a test runs it: a fixed person and day, and none of this machine's own settings."""
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_DATE": f"{day}T12:00:00Z",
        "GIT_COMMITTER_DATE": f"{day}T12:00:00Z",
    }
    command = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@haven.test", "-C", str(root), *args]
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout.strip()


def commit(root: Path, message: str, day: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, day=day)
    return git(root, "rev-parse", "--short", "HEAD")


@pytest.fixture
def small_site(tmp_path):
    """The fixture site's files, never built: these tests read them, so they belong to make test-quick."""
    (tmp_path / "site").mkdir()
    return FixtureSite(tmp_path / "site", FIXTURE_LANGUAGES)


@pytest.fixture
def history_site(small_site):
    """English committed on 2026-11-01, translated into Spanish the next day, changed on 2026-11-20."""
    git(small_site.root, "init", "-q", "-b", "main")
    made_from = commit(small_site.root, "English pages", "2026-11-01")
    small_site.translate("es", "rights/at-home.md", "Si vienen agentes a su casa", "Mantenga la puerta cerrada.\n")
    small_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n")
    commit(small_site.root, "Spanish", "2026-11-02")
    small_site.write("en/rights/at-home.md", CHANGED_AT_HOME)
    commit(small_site.root, "Officers, not only agents; a magistrate may sign", "2026-11-20")
    small_site.made_from = made_from
    return small_site


def expected_at_home(commit: str) -> str:
    head = (
        "docs/es/rights/at-home.md was translated from docs/en/rights/at-home.md as it was on 2026-11-01 "
        f"(commit {commit}). Since then, in English:"
    )
    return f"""\
{head}

  docs/en/rights/at-home.md:2 (title)
    If [-agents-]{{+officers+}} come to your home

  docs/en/rights/at-home.md:12
    # If [-agents-]{{+officers+}} come to your home

  docs/en/rights/at-home.md:14
    Keep the door {{+firmly+}} closed.

  docs/en/rights/at-home.md:18
    … a warrant signed by a judge {{+or a magistrate+}}.

When the translation says the same again, run: .venv/bin/haven stamp docs/es/rights/at-home.md

"""


def test_changes_shows_the_english_words_changed_since_the_translation(history_site, capsys, monkeypatch):
    monkeypatch.chdir(history_site.root)
    assert main(["changes", "docs/es/rights/at-home.md"]) == 0
    assert capsys.readouterr().out == expected_at_home(history_site.made_from)
    # The form `haven stamp` and `haven new-translation` take.
    assert main(["changes", "es", "rights/at-home.md"]) == 0
    assert capsys.readouterr().out == expected_at_home(history_site.made_from)


def test_changes_of_a_language_lists_every_translation_behind_its_english_page(history_site, capsys):
    assert main(["-f", str(history_site.config), "changes", "es"]) == 0
    assert capsys.readouterr().out == (
        expected_at_home(history_site.made_from) + "Español (es): 1 of 2 translations behind their English page.\n"
    )


def test_a_translation_made_from_the_english_page_as_it_is_is_up_to_date(history_site, capsys):
    assert main(["-f", str(history_site.config), "changes", "es", "index.md"]) == 0
    assert capsys.readouterr().out == "docs/es/index.md is up to date with docs/en/index.md.\n"


def test_uncommitted_english_edits_are_the_newest_version(history_site, capsys):
    english = history_site.root / "docs/en/rights/at-home.md"
    english.write_text(CHANGED_AT_HOME.replace("firmly closed", "firmly shut"), encoding="utf-8")
    assert main(["-f", str(history_site.config), "changes", "es", "rights/at-home.md"]) == 0
    assert "    Keep the door [-closed-]{+firmly shut+}.\n" in capsys.readouterr().out


def test_changes_follow_a_moved_english_page(history_site, capsys):
    git(history_site.root, "mv", "docs/en/rights/at-home.md", "docs/en/rights/at-the-door.md")
    git(history_site.root, "mv", "docs/es/rights/at-home.md", "docs/es/rights/at-the-door.md")
    commit(history_site.root, "A clearer address", "2026-11-21")
    assert main(["-f", str(history_site.config), "changes", "es", "rights/at-the-door.md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "docs/es/rights/at-the-door.md was translated from docs/en/rights/at-the-door.md as it was on 2026-11-01 "
        f"(commit {history_site.made_from})."
    )
    assert "    Keep the door {+firmly+} closed.\n" in out


def test_a_hash_no_commit_has_is_named(history_site, capsys):
    history_site.translate("es", "rights/at-home.md", "En casa", "Texto.\n", source_hash="0123456789ab")
    assert main(["-f", str(history_site.config), "changes", "es", "rights/at-home.md"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "docs/es/rights/at-home.md:3: H115 this translation was stamped against a version of "
        "docs/en/rights/at-home.md that was never committed: no version in its history has the source_hash "
        "0123456789ab (hint: compare the translation with the English page as it is now, then run: "
        ".venv/bin/haven stamp docs/es/rights/at-home.md)",
        "1 problem found.",
    ]


def test_a_shallow_clone_says_how_to_fetch_the_history(history_site, tmp_path, capsys):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{history_site.root}", str(clone))
    assert main(["-f", str(clone / "mkdocs.yml"), "changes", "es", "rights/at-home.md"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "docs/es/rights/at-home.md:3: H114 the history of docs/en/rights/at-home.md cannot be read: this copy "
        "of the project is a shallow clone, without the history of its files "
        "(hint: fetch the history with: git fetch --unshallow)",
        "1 problem found.",
    ]
    # An up-to-date translation needs no history.
    assert main(["-f", str(clone / "mkdocs.yml"), "changes", "es", "index.md"]) == 0


def test_outside_a_repository_it_says_so(small_site, capsys, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(small_site.root.parent))  # no repository above it
    small_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n", source_hash="0123456789ab")
    assert main(["-f", str(small_site.config), "changes", "es"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "Español (es): 1 of 1 translations behind their English page.\n"
    assert captured.err.splitlines() == [
        "docs/es/index.md:3: H113 the history of docs/en/index.md cannot be read: this folder is not in a git "
        "repository (hint: work in a clone of the project, made with: "
        "git clone https://github.com/<owner>/<repository>.git)",
        "1 problem found.",
    ]


def test_an_english_page_is_not_a_translation(history_site, capsys, monkeypatch):
    monkeypatch.chdir(history_site.root)
    assert main(["changes", "docs/en/index.md"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "docs/en/index.md:1: H021 this is an English page; name its translation, e.g. docs/es/index.md",
        "1 problem found.",
    ]


def test_colour_in_a_terminal(history_site):
    from haven.commands.changes import as_text
    from haven.sources import changes, history, translations

    the_site = site.load(history_site.config)
    translation, _ = content.read_page(history_site.root / "docs/es/rights/at-home.md", the_site)
    english, _ = content.read_page(history_site.root / "docs/en/rights/at-home.md", the_site)
    assert translation is not None and english is not None
    assert not translations.made_from(translation.meta.source_hash, english)
    found = changes.since_translation(the_site, history.open_history(history_site.root), translation, english)
    assert as_text(found.sections[0].paragraph, colour=True) == (
        "If \x1b[31;9magents\x1b[0m\x1b[32mofficers\x1b[0m come to your home"
    )


def test_the_status_page_shows_each_translation_behind_with_its_changes(history_site):
    from haven.publish import status

    page = status.as_html_page(content.load(site.load(history_site.config)))
    section = page[page.index('<h2 id="changed">') : page.index("</main>")]
    assert section == (
        '<h2 id="changed">Changed in English since translated</h2>\n\n'
        "<p>Each translation below was made from an older version of its English page. Here is what changed in "
        "English since: removed words are struck out, added words are underlined. "
        "<code>.venv/bin/haven changes docs/es/…</code> shows the same in a terminal.</p>\n\n\n"
        '<section class="haven-changes">\n'
        "<h3><code>docs/es/rights/at-home.md</code></h3>\n\n"
        "<p>Translated from <code>docs/en/rights/at-home.md</code> as it was on 2026-11-01 "
        f"(commit {history_site.made_from}).</p>\n\n"
        '<p class="haven-diff-where"><code>docs/en/rights/at-home.md:2</code> (title)</p>\n'
        '<p class="haven-diff">If <del>agents</del><ins>officers</ins> come to your home</p>\n\n'
        '<p class="haven-diff-where"><code>docs/en/rights/at-home.md:12</code></p>\n'
        '<p class="haven-diff"># If <del>agents</del><ins>officers</ins> come to your home</p>\n\n'
        '<p class="haven-diff-where"><code>docs/en/rights/at-home.md:14</code></p>\n'
        '<p class="haven-diff">Keep the door <ins>firmly</ins> closed.</p>\n\n'
        '<p class="haven-diff-where"><code>docs/en/rights/at-home.md:18</code></p>\n'
        '<p class="haven-diff">… a warrant signed by a judge <ins>or a magistrate</ins>.</p>\n\n\n'
        "</section>\n\n\n"
    )


def test_the_status_page_escapes_the_words_it_shows(history_site):
    from haven.publish import status

    english = history_site.root / "docs/en/rights/at-home.md"
    english.write_text(CHANGED_AT_HOME.replace("firmly closed", "closed <b>now</b>"), encoding="utf-8")
    page = status.as_html_page(content.load(site.load(history_site.config)))
    assert '<p class="haven-diff">Keep the door closed <del>.</del><ins>&lt;b&gt;now&lt;/b&gt;.</ins></p>' in page


def test_without_the_history_the_status_page_says_so_in_one_sentence(small_site, monkeypatch):
    from haven.publish import status

    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(small_site.root.parent))
    small_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n", source_hash="0123456789ab")
    page = status.as_html_page(content.load(site.load(small_site.config)))
    assert (
        "<p>What changed is not shown here: this folder is not in a git repository (work in a clone of the "
        "project, made with: git clone https://github.com/&lt;owner&gt;/&lt;repository&gt;.git).</p>\n\n"
        '<section class="haven-changes">\n<h3><code>docs/es/index.md</code></h3>\n\n</section>'
    ) in page


def test_a_change_of_line_breaks_alone_has_nothing_to_translate(history_site, capsys):
    english = history_site.root / "docs/en/index.md"
    english.write_text(english.read_text().replace("door. Read", "door.\nRead"), encoding="utf-8")
    assert main(["-f", str(history_site.config), "changes", "es", "index.md"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "",
        "  Only spaces or line breaks changed: there is nothing to translate.",
        "",
        "When the translation says the same again, run: .venv/bin/haven stamp docs/es/index.md",
        "",
    ]


def test_without_git_it_says_to_install_it(history_site, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))
    assert main(["-f", str(history_site.config), "changes", "es", "rights/at-home.md"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "docs/es/rights/at-home.md:3: H113 the history of docs/en/rights/at-home.md cannot be read: git is not "
        "installed (hint: install git, then run the command again)",
        "1 problem found.",
    ]


def test_export_marks_for_review_only_the_texts_whose_english_changed(small_site, tmp_path):
    """A translator in Poedit reviews what changed in English, not every text of the page again."""
    git(small_site.root, "init", "-q", "-b", "main")
    commit(small_site.root, "English pages", "2026-11-01")
    small_site.translate(
        "es",
        "rights/at-home.md",
        "Si vienen agentes a su casa",
        "# Si vienen agentes a su casa\n\nMantenga la puerta cerrada.\n\n## Pida ver la orden\n\n"
        "Pida una orden firmada por un juez.\n",
    )
    commit(small_site.root, "Spanish", "2026-11-02")
    small_site.write("en/rights/at-home.md", CHANGED_AT_HOME)
    commit(small_site.root, "Officers, not only agents; a magistrate may sign", "2026-11-20")
    out = tmp_path / "out"
    assert main(["-f", str(small_site.config), "export", "es", "rights/at-home.md", "--output", str(out)]) == 0
    units = (out / "es" / "rights" / "at-home.po").read_text(encoding="utf-8").split("\n\n")[1:]
    marked = {unit.split('msgctxt "')[1].split('"')[0]: "#, fuzzy" in unit for unit in units}
    assert marked == {
        "title": True,
        "heading-1": True,
        "paragraph-1": True,  # the door: firmly closed
        "heading-2": False,  # "Ask to see the warrant" did not change
        "paragraph-2": True,  # a judge or a magistrate
    }
    # Each changed text carries the English it was translated from, which Poedit shows beside the new one.
    previous = {unit.split('msgctxt "')[1].split('"')[0]: unit for unit in units}
    assert (
        '#, fuzzy\n#| msgid "Keep the door closed."\nmsgctxt "paragraph-1"\nmsgid "Keep the door firmly closed."'
        in (previous["paragraph-1"])
    )
    assert "#|" not in previous["heading-2"]
    assert (
        main(
            [
                "-f",
                str(small_site.config),
                "export",
                "es",
                "rights/at-home.md",
                "--format",
                "xliff",
                "--output",
                str(out),
            ]
        )
        == 0
    )
    xliff = (out / "es" / "rights" / "at-home.xlf").read_text(encoding="utf-8")
    unit = xliff.split('id="paragraph-1"')[1].split("</trans-unit>")[0]
    assert "The English this translation was made from: Keep the door closed.</note>" in unit
