"""Haven as a MkDocs plugin another organization adds to its own site: `pip install` Haven, then `- haven`
under plugins in its mkdocs.yml, and `mkdocs build` as for any MkDocs site."""

import subprocess
import sys

import pytest

from conftest import ENGLISH_HOME, HAVEN_PLUGIN, FixtureSite

pytestmark = pytest.mark.site


def organization_site(root, options: str) -> FixtureSite:
    site = FixtureSite(root, {"en": "English", "es": "Español"})
    config = site.config.read_text(encoding="utf-8")
    assert HAVEN_PLUGIN in config
    site.config.write_text(
        config.replace("site_name: Haven test", "site_name: Legal aid of the valley").replace(HAVEN_PLUGIN, options),
        encoding="utf-8",
    )
    site.write("en/index.md", ENGLISH_HOME.replace("Know your rights", "Legal aid of the valley"))
    return site


def mkdocs_build(site: FixtureSite) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(site.config)],
        capture_output=True,
        text=True,
        cwd=site.root,
    )


def test_an_organization_builds_its_own_site_with_mkdocs_and_the_plugin_by_its_name(tmp_path):
    site = organization_site(
        tmp_path, "  - haven:\n      today: 2026-12-01\n      security_contact: mailto:it@valley.example\n"
    )
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    home = site.html("")
    assert "Legal aid of the valley" in home
    assert "Content-Security-Policy" in home  # the finishing steps ran: the page has its policy
    assert "A lawyer has not yet reviewed this page." in site.html("rights/at-home/")
    # The Spanish reader gets the English page, said in Spanish to be English.
    assert 'lang="en"' in site.html("es/rights/at-home/")
    assert "Contact: mailto:it@valley.example" in (site.site_dir / ".well-known" / "security.txt").read_text()
    assert "Expires: 2027-11-30T00:00:00Z" in (site.site_dir / ".well-known" / "security.txt").read_text()


def test_the_plugin_named_without_options_uses_the_real_date_and_writes_no_security_txt(tmp_path):
    site = organization_site(tmp_path, "  - haven\n")
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    assert "Legal aid of the valley" in site.html("")
    assert not (site.site_dir / ".well-known").exists()


def test_a_preview_language_the_site_lacks_stops_the_build_with_its_name(tmp_path):
    site = organization_site(tmp_path, "  - haven:\n      preview_language: fr\n")
    result = mkdocs_build(site)
    assert result.returncode == 1
    assert "preview_language: 'fr' is not a language of this site; choose one of: en es" in result.stderr
    assert "Traceback" not in result.stderr
