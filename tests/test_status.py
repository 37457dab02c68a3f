import json
import os
import subprocess
import sys
from pathlib import Path

from haven.commands.cli import main


def test_status_counts_each_languages_pages(fixture_site, capsys):
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n", human_reviewed=True)
    fixture_site.translate("es", "rights/at-home.md", "En casa", "# En casa\n", source_hash="0123456789ab")
    (fixture_site.root / "data" / "strings" / "ht.yml").unlink()
    assert main(["-f", str(fixture_site.config), "status", "--format", "json"]) == 0
    rows = {row["code"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["es"] == {
        "code": "es",
        "name": "Español",
        "translated": 2,
        "total": 2,
        "unfinished": 0,
        "stale": 1,
        "current": 1,
        "unreviewed": 1,
        "strings": True,
        "directory_texts": 0,
        "directory_total": 0,
        "percent": 50,
    }
    assert (rows["ar"]["translated"], rows["ar"]["percent"]) == (0, 0)
    assert rows["ht"]["strings"] is False


def test_status_as_a_table(fixture_site, capsys):
    fixture_site.translate("ar", "index.md", "اعرف حقوقك", "# اعرف حقوقك\n")
    assert main(["-f", str(fixture_site.config), "status", "--format", "markdown"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "| language | translated | unfinished | stale | unreviewed | UI strings | directory texts | up to date |"
    )
    assert "| العربية (ar) | 1/2 | 0 | 0 | 1 | complete | 0/0 | 50% |" in out
    assert main(["-f", str(fixture_site.config), "status"]) == 0
    text = capsys.readouterr().out.splitlines()
    assert text[0].split() == [
        "language",
        "translated",
        "unfinished",
        "stale",
        "unreviewed",
        "UI",
        "strings",
        "directory",
        "texts",
        "up",
        "to",
        "date",
    ]
    assert len(text) == 5


def test_the_built_site_has_a_status_page_for_editors_only(fixture_site):
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n")
    assert fixture_site.build() == 0
    page = fixture_site.html("editors/status/")
    assert (
        "<td>Español (es)</td><td>1/2</td><td>0</td><td>0</td><td>1</td><td>complete</td><td>0/0</td><td>50%</td>"
    ) in page
    assert '<meta name="robots" content="noindex">' in page
    # Readers' pages do not link to it.
    assert "editors/status" not in fixture_site.html("") + fixture_site.html("es/")


def test_a_reader_who_stops_reading_ends_the_command_without_a_word(fixture_site):
    """`haven status | head -1`: what is left has nowhere to go, and that is no error of Haven's to report."""
    reading, writing = os.pipe()
    os.close(reading)  # the reader has gone before the first line
    with os.fdopen(writing, "wb") as stdout:
        done = subprocess.run(
            [Path(sys.executable).parent / "haven", "-f", fixture_site.config, "status"],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert (done.returncode, done.stderr) == (141, "")
