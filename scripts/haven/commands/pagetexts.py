"""A page as `haven export` and `haven import` see it: its texts, each with a key, and the markup around them.

Both commands find the English page and its translation the same way, and name the same problems the same
way (H105).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from haven.core.diagnostics import Diagnostic, DiagnosticsError
from haven.sources import segments
from haven.sources.content import SourcePage, read_page
from haven.sources.site import Site

# Front-matter texts a translator translates; the page's other fields are not theirs to change.
FRONT_MATTER = ("title", "description")


@dataclass(frozen=True)
class PageTexts:
    """A page read for translation: its front-matter texts and its body cut into units."""

    page: SourcePage
    front: list[segments.Unit]
    pieces: list[segments.Piece]

    @property
    def units(self) -> list[segments.Unit]:
        return self.front + segments.units(self.pieces)

    @property
    def blocks(self) -> list[str]:
        """The body's units in order, by key: two pages with the same blocks can share a skeleton."""
        return [unit.key for unit in segments.units(self.pieces)]

    @property
    def made_from(self) -> str | None:
        """A translation's `source_hash:`, the English version it records; None for an English page."""
        return getattr(self.page.meta, "source_hash", None)


def read(site: Site, path: Path) -> PageTexts:
    page, problems = read_page(path, site)
    if problems or page is None:
        raise DiagnosticsError(problems)
    return of(page)


def of(page: SourcePage) -> PageTexts:
    """The texts of a page already read (an English page's earlier version, from its history)."""
    front = [
        segments.Unit(name, getattr(page.meta, name), page.line_of(name), key=name)
        for name in FRONT_MATTER
        if getattr(page.meta, name)
    ]
    return PageTexts(page, front, segments.segment(page.body, page.body_line))


def english(site: Site, rel: str) -> PageTexts:
    path = site.docs_dir / site.default.code / rel
    if not path.is_file():
        raise _unknown(site.show(path), "there is no such English page", "give the page's path inside docs/en/")
    return read(site, path)


def translation(site: Site, lang: str, rel: str) -> PageTexts | None:
    path = translation_path(site, lang, rel)
    return read(site, path) if path.is_file() else None


def translation_path(site: Site, lang: str, rel: str) -> Path:
    return site.docs_dir / lang / rel


def english_pages(site: Site) -> list[str]:
    folder = site.docs_dir / site.default.code
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.md"))


def check_language(site: Site, lang: str) -> None:
    if lang not in site.codes or lang == site.default.code:
        raise _unknown(
            site.show(site.config_path),
            f"'{lang}' is not a translation language of this site",
            f"use one of: {', '.join(code for code in site.codes if code != site.default.code)}",
        )


def _unknown(path: str, message: str, hint: str) -> DiagnosticsError:
    return DiagnosticsError([Diagnostic(path, 1, "H105", message, hint)])
