"""What a phone downloads: the first-view budget, and one search index per language."""

import json
import random

from haven.commands.cli import main
from haven.core import budget


def test_a_page_over_the_first_view_budget_fails_the_check_naming_its_heaviest_parts(fixture_site, capsys):
    words = random.Random(7).choices(
        ["".join(random.Random(i).choices("abcdefghij", k=8)) for i in range(5000)], k=40_000
    )
    fixture_site.write(
        "en/rights/at-home.md",
        fixture_site.root.joinpath("docs/en/rights/at-home.md").read_text() + "\n" + " ".join(words) + "\n",
    )
    assert main(["-f", str(fixture_site.config), "check"]) == 1
    out = capsys.readouterr().out
    over = [line for line in out.splitlines() if " H069 " in line]
    # The English page, and the languages that show it as their fallback; nothing else.
    assert {line.split(" is ")[0] for line in over} == {
        f"docs/en/rights/at-home.md:1: H069 the first view of /{prefix}rights/at-home/"
        for prefix in ("", "es/", "ar/", "ht/")
    }
    assert all("over the 50 KB budget; heaviest: index.html" in line for line in over)


def test_the_first_view_counts_the_page_and_what_its_markup_loads(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<link rel="stylesheet" href="../s.css"><link rel="icon" href="../i.svg"><script src="../x.js" defer></script>'
        '<img src="../big.png" loading="lazy"><img src="https://example.org/far.png"><p>Hello</p>'
    )
    (tmp_path / "s.css").write_text('body{background:url("f.woff2")} i{background:url(data:image/png;base64,AA==)}')
    for name in ("i.svg", "x.js", "f.woff2", "big.png"):
        (tmp_path / name).write_bytes(bytes(range(256)) * 4)
    view = budget.Weigher(tmp_path).first_view("a/index.html")
    assert [resource.path for resource in view.resources] == ["a/index.html", "s.css", "f.woff2", "i.svg", "x.js"]
    assert view.total == sum(budget.compressed_size(tmp_path / r.path) for r in view.resources)


def test_sizes_are_kept_for_the_next_check_and_a_changed_file_is_weighed_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "a").mkdir()
    page = tmp_path / "a" / "index.html"
    page.write_text("<p>" + "Ask to see the warrant. " * 400)
    kept = budget.kept_sizes()
    assert budget.Weigher(tmp_path, kept).first_view("a/index.html").total == budget.compressed_size(page)
    kept.save()
    [(digest, size)] = json.loads(kept.path.read_text()).items()
    assert size == budget.compressed_size(page)
    # What is kept for the same bytes is used as it is...
    kept.path.write_text(json.dumps({digest: 1}))
    assert budget.Weigher(tmp_path, budget.kept_sizes()).first_view("a/index.html").total == 1
    # ...and a changed file is weighed again; the kept file then holds only what this run weighed.
    page.write_bytes(random.Random(1).randbytes(5000))
    again = budget.kept_sizes()
    assert budget.Weigher(tmp_path, again).first_view("a/index.html").total == budget.compressed_size(page)
    again.save()
    assert list(json.loads(again.path.read_text()).values()) == [budget.compressed_size(page)]
    # A kept file cut short, or holding what is not a size, is not used.
    for broken in ('{"x": ', '["x"]', json.dumps({digest: "1"})):
        again.path.write_text(broken)
        assert budget.kept_sizes().known == {}


def test_each_language_gets_its_own_search_index_and_its_pages_search_there(fixture_site):
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n\nNo abra la puerta.\n")
    assert fixture_site.build() == 0
    site_dir = fixture_site.site_dir
    english = json.loads((site_dir / "search" / "search_index.json").read_text())
    spanish = json.loads((site_dir / "es" / "search" / "search_index.json").read_text())
    assert spanish["config"]["lang"] == ["es"] and english["config"]["lang"] == ["en"]
    assert any("No abra la puerta" in doc["text"] for doc in spanish["docs"])
    assert not any("No abra la puerta" in doc["text"] for doc in english["docs"])
    assert all(not doc["location"].startswith("es/") for doc in spanish["docs"])
    # Haitian Creole has no lunr stemmer: its pages are searched without one.
    assert json.loads((site_dir / "ht" / "search" / "search_index.json").read_text())["config"]["lang"] == ["en"]
    config = fixture_site.html("es/rights/at-home/").split('<script id="__config" type="application/json">')[1]
    assert json.loads(config.split("</script>")[0])["base"] == "../../../es/"


def test_language_alternates_are_in_the_sitemap_not_in_each_page(fixture_site):
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n\nNo abra la puerta.\n")
    assert fixture_site.build() == 0
    for page in ("", "es/", "rights/at-home/", "404.html", "es/404.html"):
        assert 'rel="alternate"' not in fixture_site.html(page), page
    sitemap = (fixture_site.site_dir / "sitemap.xml").read_text()
    assert '<xhtml:link rel="alternate" hreflang="es" href="https://haven.test/es/"/>' in sitemap
