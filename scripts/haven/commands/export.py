"""`haven export`: write one PO or XLIFF file per page for translators to work on in their own tools.

Each file holds the English page's texts (title, description, headings, paragraphs, list items, table
cells, admonition titles) with the language's current translation filled in where it has the same
blocks as the English page. A translation made from an older English version is exported "fuzzy"
(needs review), so that `haven import` never records it as matching the English page unchecked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from haven.commands import exchange
from haven.core.diagnostics import Diagnostic, DiagnosticsError, Severity
from haven.sources import segments, translations
from haven.sources.content import SourcePage, read_page
from haven.sources.site import Site

# Front-matter texts a translator translates; the page's other fields are not theirs to change.
FRONT_MATTER = ("title", "description")

# Notes for one English text (for example the glossary's words it uses), shown to the translator.
Notes = Callable[[str], list[str]]


def no_notes(text: str) -> list[str]:
    return []


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


def page_texts(page: SourcePage) -> PageTexts:
    front = []
    for name in FRONT_MATTER:
        value = getattr(page.meta, name)
        if value:
            front.append(segments.Unit(name, value, page.line_of(name), key=name))
    return PageTexts(page, front, segments.segment(page.body, page.body_line))


def read(site: Site, path: Path) -> PageTexts:
    page, problems = read_page(path, site)
    if problems or page is None:
        raise DiagnosticsError(problems)
    return page_texts(page)


def english(site: Site, rel: str) -> PageTexts:
    path = site.docs_dir / site.default.code / rel
    if not path.is_file():
        raise _unknown(site.show(path), "there is no such English page", "give the page's path inside docs/en/")
    return read(site, path)


def check_language(site: Site, lang: str) -> None:
    if lang not in site.codes or lang == site.default.code:
        raise _unknown(
            site.show(site.config_path),
            f"'{lang}' is not a translation language of this site",
            f"use one of: {', '.join(code for code in site.codes if code != site.default.code)}",
        )


def english_pages(site: Site) -> list[str]:
    folder = site.docs_dir / site.default.code
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.md"))


def export(
    site: Site, lang: str, pages: list[str], form: str, output: Path, notes: Notes = no_notes
) -> tuple[list[Path], list[Diagnostic]]:
    """Write one file per page into `output/<lang>/`; return the files and a warning per page whose
    translation could not be filled in."""
    check_language(site, lang)
    sources = [english(site, rel) for rel in pages or english_pages(site)]
    written, warnings = [], []
    for source in sources:
        entries, warning = _entries(site, lang, source, notes)
        warnings += [warning] if warning else []
        header = exchange.Header(
            lang,
            source.page.rel,
            translations.source_hash(source.page),
            _recorded_hash(site, lang, source.page.rel),
        )
        target = output / lang / Path(source.page.rel).with_suffix(exchange.FORMATS[form])
        exchange.write(target, form, header, entries)
        written.append(target)
    return written, warnings


def translation_path(site: Site, lang: str, rel: str) -> Path:
    return site.docs_dir / lang / rel


def _recorded_hash(site: Site, lang: str, rel: str) -> str:
    path = translation_path(site, lang, rel)
    if not path.is_file():
        return "none"
    page = read(site, path).page
    return str(getattr(page.meta, "source_hash", "none"))


def _entries(site: Site, lang: str, source: PageTexts, notes: Notes) -> tuple[list[exchange.Entry], Diagnostic | None]:
    shown = site.show(source.page.path)
    targets: dict[str, str] = {}
    fuzzy, warning = False, None
    path = translation_path(site, lang, source.page.rel)
    if path.is_file():
        translated = read(site, path)
        if translated.blocks == source.blocks:
            targets = {unit.key: unit.text for unit in translated.units}
            fuzzy = getattr(translated.page.meta, "source_hash", None) != translations.source_hash(source.page)
        else:
            warning = Diagnostic(
                site.show(path),
                1,
                "H107",
                f"its blocks (headings, paragraphs, list items, table cells) differ from {shown}'s: "
                "exported with no translation filled in",
                "translate every text in the file; import builds the page with the English page's blocks",
                Severity.WARNING,
            )
    entries = [
        exchange.Entry(
            unit.key,
            unit.text,
            targets.get(unit.key, ""),
            fuzzy,
            f"{shown}:{unit.line}",
            notes(unit.text),
        )
        for unit in source.units
    ]
    return entries, warning


def _unknown(path: str, message: str, hint: str) -> DiagnosticsError:
    return DiagnosticsError([Diagnostic(path, 1, "H105", message, hint)])
