"""Shared fixtures: small real sites written into tmp_path, and the real repository."""

from __future__ import annotations

import datetime
import fcntl
import os
import re
import shutil
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from haven.publish.serving import Server

REPO = Path(__file__).resolve().parents[1]

# Every test runs on a fixed day, never on the day it is run: a fixture page reviewed on 2026-11-01
# would otherwise turn a year old on 2027-11-02 and fail the tests of a change that did nothing.
# Fixture sites live on FIXTURE_TODAY. Set here, before any test, for this process and the build
# processes it starts (haven.sources.clock reads it).
FIXTURE_TODAY = "2026-12-01"
os.environ["HAVEN_TODAY"] = FIXTURE_TODAY

# Haven's cache (haven.core.usercache) is the run's own, as on a fresh machine: no test passes on what an
# earlier run or the user's own builds left in ~/.cache/haven, and the run leaves nothing there. Removed at exit.
_CACHE = tempfile.TemporaryDirectory(prefix="haven-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE.name


def _latest_recorded_day(root: Path) -> str:
    """The latest day the repository's pages, sources or directory entries were reviewed, checked or
    verified: a day all of its content was true on. `make check`, on the real day, says when it grows old."""
    recorded = re.compile(r"^\s*(?:- )?(?:reviewed|checked|verified): (\d{4}-\d{2}-\d{2})\s*$", re.MULTILINE)
    files = [*root.glob("docs/**/*.md"), *root.glob("data/**/*.yml")]
    return max(day for path in files for day in recorded.findall(path.read_text(encoding="utf-8")))


# The repository's own site is built and checked on that day (`on_the_real_day`).
REAL_TODAY = datetime.date.fromisoformat(_latest_recorded_day(REPO))


# Tests that build a whole site (or drive Chromium) carry the `site` mark; `make test-quick` leaves them out.
_BUILDING_FIXTURES = {"fixture_site", "make_site", "real_site", "notices_site", "browser"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _BUILDING_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)


@pytest.fixture
def on_the_real_day(monkeypatch: pytest.MonkeyPatch) -> datetime.date:
    monkeypatch.setenv("HAVEN_TODAY", REAL_TODAY.isoformat())
    return REAL_TODAY


# Languages of the fixture sites: English, one left-to-right translation, one
# right-to-left, and one that Material has no interface strings for.
FIXTURE_LANGUAGES = {"en": "English", "es": "Español", "ar": "العربية", "ht": "Kreyòl ayisyen"}

ENGLISH_HOME = """\
---
title: Know your rights
reviewed: 2026-11-01
sources:
  - name: "AFSC: Know your rights at home"
    url: https://www.afsc.org/knowyourrights/your-rights-home
    kind: organization
    checked: 2026-11-01
    quote: "You do not have to open the door."
---

# Know your rights

Do not open the door. Read [the page about your home](rights/at-home.md).
"""

ENGLISH_AT_HOME = """\
---
title: If agents come to your home
reviewed: 2026-11-01
sources:
  - name: "AFSC: Know your rights at home"
    url: https://www.afsc.org/knowyourrights/your-rights-home
    kind: organization
    checked: 2026-11-01
    quote: "You do not have to open the door."
---

# If agents come to your home

Keep the door closed.

## Ask to see the warrant

Ask for a warrant signed by a judge.
"""


def mkdocs_yml(languages: dict[str, str]) -> str:
    entries = "\n".join(
        f"        - locale: {code}\n          name: {name}\n          build: true"
        + ("\n          default: true" if code == "en" else "")
        # The automatic navigation's section made of docs/en/rights/.
        + f"\n          nav_translations:\n            Rights: Rights ({code})"
        for code, name in languages.items()
    )
    return (
        textwrap.dedent(
            f"""\
        site_name: Haven test
        site_url: https://haven.test/
        theme:
          name: material
          custom_dir: {REPO / "overrides"}
          language: en
          font: false
        extra:
          generator: false
          polyfills:
            - assets/javascripts/resize-observer-polyfill.js
        extra_css:
          - assets/stylesheets/haven.css
        validation:  # as the repository's mkdocs.yml
          omitted_files: warn
          absolute_links: warn
          unrecognized_links: warn
          anchors: warn
        markdown_extensions:
          - admonition
          - toc:
              slugify: !!python/object/apply:pymdownx.slugs.slugify
                kwds:
                  case: lower
        plugins:
          - search
          - i18n:
              docs_structure: folder
              languages:
        """
        )
        + entries
        + "\n"
        + HAVEN_PLUGIN
    )


# The haven plugin after i18n, as in the repository's mkdocs.yml.
HAVEN_PLUGIN = """\
  - haven:
      today: !ENV [HAVEN_TODAY, null]
      security_contact: !ENV [HAVEN_SECURITY_CONTACT, null]
"""


class FixtureSite:
    """A small real site in a temporary folder, built with the haven plugin and the real theme."""

    def __init__(self, root: Path, languages: dict[str, str]):
        self.root = root
        self.config = root / "mkdocs.yml"
        self.site_dir = root / "site"
        self.config.write_text(mkdocs_yml(languages), encoding="utf-8")
        (root / "data" / "strings").mkdir(parents=True)
        for code in languages:
            strings = REPO / "data" / "strings" / f"{code}.yml"
            if strings.exists():  # a test may add a language the repository lacks
                shutil.copy(strings, root / "data" / "strings")
        self.write("en/index.md", ENGLISH_HOME)
        self.write("en/rights/at-home.md", ENGLISH_AT_HOME)

    def write(self, rel: str, text: str) -> Path:
        path = self.root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def translate(
        self,
        lang: str,
        rel: str,
        title: str,
        body: str,
        *,
        source_hash: str | None = None,
        human_reviewed: bool = False,
    ) -> Path:
        """Write a translation stamped against the current English page (or `source_hash`); `human_reviewed`:
        reviewed by a fluent speaker against that version."""
        from haven.sources import content, site, translations

        if source_hash is None:
            the_site = site.load(self.config)
            english, problems = content.read_page(self.root / "docs" / "en" / rel, the_site)
            assert not problems, problems
            source_hash = translations.source_hash(english)
        review = (
            f"\n  by: Test Reviewer\n  date: 2026-11-20\n  source_hash: {source_hash}" if human_reviewed else " false"
        )
        return self.write(
            f"{lang}/{rel}",
            f"---\ntitle: {title}\nsource_hash: {source_hash}\nhuman_reviewed:{review}\n---\n\n{body}",
        )

    def build(self, jobs: int = 1) -> int:
        """`haven build`, in one process unless told: forking for a few small languages costs more than it
        saves, and the languages built in processes of their own are tested in test_parallel_build.py."""
        from haven.commands.cli import main

        return main(["-f", str(self.config), "build", "--jobs", str(jobs)])

    def html(self, url_path: str) -> str:
        path = self.site_dir / url_path
        if url_path.endswith("/") or not url_path:
            path = path / "index.html"
        return path.read_text(encoding="utf-8")


@pytest.fixture
def fixture_site(tmp_path: Path) -> FixtureSite:
    return FixtureSite(tmp_path, FIXTURE_LANGUAGES)


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., FixtureSite]:
    def make(languages: dict[str, str] = FIXTURE_LANGUAGES, name: str = "site") -> FixtureSite:
        root = tmp_path / name
        root.mkdir()
        return FixtureSite(root, languages)

    return make


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The repository's own site, built once for the whole run and served by each test process:
    (site folder, base URL)."""
    from haven.publish.build import build

    # The folder every test process of this run shares (pytest-xdist's workers each have one below it).
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    site_dir = shared / "real" / "site"
    site_dir.parent.mkdir(exist_ok=True)
    # The first process builds; the others wait on the lock, then find the site (a build appears whole).
    with open(shared / "real.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not site_dir.exists():
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("HAVEN_TODAY", REAL_TODAY.isoformat())
                build(REPO / "mkdocs.yml", site_dir)
    server = Server(site_dir)
    yield site_dir, server.url
    server.close()
