"""The parallel build (languages in separate processes, merged) publishes what `mkdocs build` publishes."""

from __future__ import annotations

import zipfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from conftest import REPO
from haven.publish.build import build
from haven.sources import fingerprint


def differences(one: Path, other: Path) -> list[str]:
    """Files that are in one site and not the other, or differ; a zip differs if its members do."""
    files = {p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file()}
    others = {p.relative_to(other).as_posix() for p in other.rglob("*") if p.is_file()}
    found = [f"only in {one.name}: {rel}" for rel in sorted(files - others)]
    found += [f"only in {other.name}: {rel}" for rel in sorted(others - files)]
    for rel in sorted(files & others):
        if (one / rel).read_bytes() != (other / rel).read_bytes():
            found.append(f"differs: {rel}{_zip_members_differ(one / rel, other / rel)}")
    return found


def _zip_members_differ(one: Path, other: Path) -> str:
    if one.suffix != ".zip":
        return ""
    with zipfile.ZipFile(one) as a, zipfile.ZipFile(other) as b:
        changed = [n for n in a.namelist() if n not in b.namelist() or a.read(n) != b.read(n)]
        return f" (members {changed[:5]})"


def test_the_parallel_build_publishes_the_same_site_as_mkdocs_build(real_site, tmp_path, on_the_real_day):
    parallel, _ = real_site
    sequential = tmp_path / "sequential"
    # `mkdocs build` (and `mkdocs serve`): mkdocs-static-i18n builds the languages one after the other.
    mkdocs_build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(sequential), strict=True))
    (sequential / fingerprint.FILE).write_bytes((parallel / fingerprint.FILE).read_bytes())
    assert sorted(p.name for p in (sequential).iterdir() if p.is_dir()) == sorted(
        p.name for p in parallel.iterdir() if p.is_dir()
    )
    assert differences(sequential, parallel) == []


def test_one_process_and_several_build_the_same_site(fixture_site, tmp_path):
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n\nNo abra la puerta.\n")
    fixture_site.translate("ar", "rights/at-home.md", "إذا جاء العملاء", "# إذا جاء العملاء\n\nأبقِ الباب مغلقًا.\n")
    build(fixture_site.config, tmp_path / "one", jobs=1)
    build(fixture_site.config, tmp_path / "two", jobs=2)
    assert differences(tmp_path / "one", tmp_path / "two") == []
    # Each language is there, with its search index and its language menu naming every language.
    es_home = (tmp_path / "two" / "es" / "index.html").read_text(encoding="utf-8")
    assert "No abra la puerta." in es_home
    assert all(f'hreflang="{code}"' in es_home for code in ("en", "es", "ar", "ht"))
    assert (tmp_path / "two" / "ar" / "search" / "search_index.json").is_file()


def test_a_language_that_fails_in_its_process_stops_the_build_and_says_where(fixture_site, capsys):
    assert fixture_site.build() == 0
    good = fixture_site.html("rights/at-home/")
    capsys.readouterr()
    fixture_site.translate("ar", "rights/at-home.md", "إذا جاء العملاء", "# إذا جاء العملاء\n\n[رابط](gone.md)\n")
    assert fixture_site.build(jobs=2) == 1
    err = capsys.readouterr().err
    # MkDocs' own warning, made in the Arabic build's process, reaches the person running the build, once, at
    # the line of the Arabic page, in Haven's words.
    assert err.splitlines() == [
        "docs/ar/rights/at-home.md:9: H060 the link 'gone.md' leads to no page "
        "(hint: check the file name and the folder; link to the page's .md file)",
        "1 problem found; nothing was published.",
    ]
    assert fixture_site.html("rights/at-home/") == good
    assert sorted(p.name for p in fixture_site.root.iterdir()) == ["data", "docs", "mkdocs.yml", "site"]


def test_jobs_must_be_a_number_of_processes(fixture_site, capsys):
    from haven.commands.cli import main

    for bad in ("0", "-2", "many"):
        try:
            main(["-f", str(fixture_site.config), "build", "--jobs", bad])
        except SystemExit as exit:
            assert exit.code == 2
        else:
            raise AssertionError(f"--jobs {bad} was accepted")
        assert "is not a number of processes" in capsys.readouterr().err
