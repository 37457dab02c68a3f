"""Real Chromium (Debian's package) driven by Playwright against sites served on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from conftest import ENGLISH_AT_HOME, FIXTURE_LANGUAGES, FixtureSite
from haven.checks import chromium
from haven.publish.serving import Server

CHROMIUM, FLAGS, PHONE = chromium.EXECUTABLE, chromium.FLAGS, chromium.PHONE  # as `haven verify` runs it
DESKTOP = {"width": 1280, "height": 900}
# The same picture of the same page on every load (test_cut_stylesheet.py). Chromium's partial raster
# repaints only the changed part of a tile, and the pixels along that part's edge then depend on which
# repaints the page happened to get: a curved border's first pixel came out one of two shades.
PICTURES = ["--disable-partial-raster"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}. Run 'make test', which installs Debian's "
            "chromium-headless-shell, or set HAVEN_CHROMIUM to its path. Browser tests are never skipped."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS + PICTURES)
        yield browser
        browser.close()


# What Material lays out differently from right to left: an English stand-in in Arabic must look as in English.
STAND_IN_LAYOUT = """
- Keep the door closed and speak through it.
    - Ask them to pass the warrant under the door.

!!! warning "Do not lie"
    Lying to an officer is a crime. You can stay silent instead.
"""


@pytest.fixture(scope="session")
def notices_site(tmp_path_factory) -> Iterator[str]:
    """A fixture site with one page in each translation state, served; yields its URL.

    es: home translated and current but unreviewed; the 'at-home' page only in English.
    ar: home translated from an older English version (stale); the 'at-home' page only in English.
    """
    site = FixtureSite(tmp_path_factory.mktemp("notices"), FIXTURE_LANGUAGES)
    site.write("en/rights/at-home.md", ENGLISH_AT_HOME + STAND_IN_LAYOUT)
    site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n\nNo abra la puerta.\n")
    site.translate("ar", "index.md", "اعرف حقوقك", "# اعرف حقوقك\n\nلا تفتح الباب.\n", source_hash="0123456789ab")
    assert site.build() == 0
    server = Server(site.site_dir)
    yield server.url
    server.close()


def site_pages(site_dir: Path) -> list[str]:
    """Every page of a built site as a URL path, 404 pages included."""
    pages = [p.relative_to(site_dir).parent.as_posix() + "/" for p in site_dir.rglob("index.html")]
    pages = ["" if p == "./" else p for p in pages]
    return sorted(pages) + sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("404.html"))
