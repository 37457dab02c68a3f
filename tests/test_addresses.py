"""Addresses that last: a moved page keeps its old address in every language, and the build stops
before a published address (printed on a flyer, shared by message) would lead nowhere."""

from __future__ import annotations

import re

from conftest import ENGLISH_AT_HOME, ENGLISH_HOME, REPO
from haven.commands.cli import main
from haven.sources import addresses, site
from test_real_site import SITE

PUBLISHED = """\
# published
/
/rights/at-home/
/es/rights/at-home/
/ar/rights/at-home/
"""


def publish(fixture_site, text: str = PUBLISHED, redirects: str = "redirects: []\n") -> None:
    (fixture_site.root / "data" / addresses.PUBLISHED).write_text(text, encoding="utf-8")
    (fixture_site.root / "data" / addresses.REDIRECTS).write_text(redirects, encoding="utf-8")


def move_at_home(fixture_site) -> None:
    """Rename rights/at-home.md to rights/home.md, and fix the link to it."""
    (fixture_site.root / "docs" / "en" / "rights" / "at-home.md").unlink()
    fixture_site.write("en/rights/home.md", ENGLISH_AT_HOME)
    fixture_site.write("en/index.md", ENGLISH_HOME.replace("rights/at-home.md", "rights/home.md"))


def refresh_target(html: str) -> str:
    return re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html).group(1)


def test_a_moved_page_keeps_its_old_address_in_every_language(fixture_site):
    move_at_home(fixture_site)
    fixture_site.translate("es", "rights/home.md", "Si vienen a su casa", "# Si vienen a su casa\n\nNo abra.\n")
    publish(fixture_site, redirects="redirects:\n  - from: rights/at-home.md\n    to: rights/home.md\n")
    assert fixture_site.build() == 0
    for prefix in ("", "es/", "ar/", "ht/"):
        old = fixture_site.html(f"{prefix}rights/at-home/")
        assert refresh_target(old) == "../home/"
        assert f'<link rel="canonical" href="https://haven.test/{prefix}rights/home/">' in old
        # The page it sends readers to exists, in their language.
        assert (fixture_site.site_dir / prefix / "rights" / "home" / "index.html").is_file()
    assert 'lang="es"' in fixture_site.html("es/rights/at-home/")


def test_removing_a_published_page_stops_the_build_and_keeps_the_last_good_site(fixture_site, capsys):
    publish(fixture_site)
    assert fixture_site.build() == 0
    before = fixture_site.html("es/rights/at-home/")
    move_at_home(fixture_site)
    assert fixture_site.build() == 1
    err = capsys.readouterr().err
    for line, address in ((3, "/rights/at-home/"), (4, "/es/rights/at-home/"), (5, "/ar/rights/at-home/")):
        assert f"data/published-urls.txt:{line}: H094 {address} was published" in err, err
    assert fixture_site.html("es/rights/at-home/") == before
    # haven check says the same, with the same lines.
    assert main(["-f", str(fixture_site.config), "check"]) == 1
    assert "data/published-urls.txt:4: H094 /es/rights/at-home/ was published" in capsys.readouterr().out


def test_wrong_redirects_and_addresses_are_named_with_their_lines(fixture_site, capsys):
    publish(fixture_site, PUBLISHED + "https://haven.test/es/\n", "redirects:\n  - from: rights/old.md\n")
    assert fixture_site.build() == 1
    err = capsys.readouterr().err
    assert "data/published-urls.txt:6: H091 'https://haven.test/es/' is not an address inside this site" in err
    assert "data/redirects.yml:2: H013" in err and "'redirects.0.to'" in err, err
    publish(fixture_site, redirects="redirects:\n  - from: index.md\n    to: rights/gone.md\n")
    assert fixture_site.build() == 1
    err = capsys.readouterr().err
    assert "data/redirects.yml:3: H092 rights/gone.md is not an English page" in err
    assert "data/redirects.yml:2: H093 index.md is still a page" in err


def test_haven_addresses_lists_new_pages_once(fixture_site, capsys):
    publish(fixture_site, "# published\n/\n")
    assert main(["-f", str(fixture_site.config), "check"]) == 0  # a warning, not an error
    assert (
        "data/published-urls.txt:1: H095 warning: /es/rights/at-home/ is published but not in the list"
        in capsys.readouterr().out
    )
    assert main(["-f", str(fixture_site.config), "addresses"]) == 0
    listed = (fixture_site.root / "data" / addresses.PUBLISHED).read_text(encoding="utf-8").splitlines()
    assert listed[:2] == ["# published", "/"]
    assert {"/es/", "/ar/rights/at-home/", "/ht/rights/at-home/"} <= set(listed)
    assert main(["-f", str(fixture_site.config), "addresses"]) == 0
    assert (fixture_site.root / "data" / addresses.PUBLISHED).read_text(encoding="utf-8").splitlines() == listed
    assert "0 new addresses added" in capsys.readouterr().out


def test_every_published_address_of_the_real_site_still_resolves(real_site):
    site_dir, _ = real_site
    the_site = site.load(REPO / "mkdocs.yml")
    published, problems = addresses.load(the_site)
    assert problems == [] and len(published.published) >= len(SITE.languages) * 18
    assert addresses.findings(published, the_site, site_dir) == []
