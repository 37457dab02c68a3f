"""`haven export`: write one PO or XLIFF file per page for translators to work on in their own tools.

Each file holds the English page's texts (title, description, headings, paragraphs, list items, table
cells, admonition titles) with the language's current translation filled in where it has the same
blocks as the English page. When the translation was made from an older English version, the texts whose
English words changed since (found in the history, as `haven changes` finds them) are exported "fuzzy" (needs
review): `haven import` records the page as matching the English page only once none is left.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from haven.commands import exchange, exchangeformats, pagetexts
from haven.commands.pagetexts import PageTexts
from haven.core.diagnostics import Diagnostic, DiagnosticsError, Severity, raise_for_errors
from haven.sources import changes, glossary, translations
from haven.sources.history import NoHistory, open_history
from haven.sources.site import Site

# Notes for one English text (the glossary's agreed words for the terms it uses), shown to the translator.
Notes = Callable[[str], list[str]]


def export(
    site: Site, lang: str, pages: list[str], form: str, output: Path, notes: Notes | None = None
) -> tuple[list[Path], list[Diagnostic]]:
    """Write one file per page (every English page when none is named) into `output/<lang>/`; return the
    files, and a warning for each page whose translation could not be filled in. Each text carries the
    glossary's agreed words as notes, unless other `notes` are given."""
    pagetexts.check_language(site, lang)
    if notes is None:
        agreed, problems = glossary.load(site)
        raise_for_errors(problems)
        notes = glossary.notes(agreed, lang)
    sources = [pagetexts.english(site, rel) for rel in pages or pagetexts.english_pages(site)]
    written, warnings = [], []
    for source in sources:
        translated = pagetexts.translation(site, lang, source.page.rel)
        if translated is not None and translated.blocks != source.blocks:
            warnings.append(_other_blocks(site, source, translated))
            translated = None
        header = exchange.Header(
            lang,
            source.page.rel,
            translations.source_hash(source.page),
            (translated and translated.made_from) or "none",
        )
        target = output / lang / Path(source.page.rel).with_suffix(exchangeformats.FORMATS[form])
        exchange.write(target, form, header, _entries(site, source, translated, notes))
        written.append(target)
    return written, warnings


def _entries(site: Site, source: PageTexts, translated: PageTexts | None, notes: Notes) -> list[exchange.Entry]:
    """The English page's texts, each with its translation when the translation has the same blocks."""
    targets = {unit.key: unit.text for unit in translated.units} if translated else {}
    changed = _changed(site, source, translated)
    shown = site.show(source.page.path)
    return [
        exchange.Entry(
            unit.key,
            unit.text,
            targets.get(unit.key, ""),
            changed is None or unit.key in changed,
            f"{shown}:{unit.line}",
            notes(unit.text),
            (changed or {}).get(unit.key, "") if targets.get(unit.key) else "",
        )
        for unit in source.units
    ]


def _changed(site: Site, source: PageTexts, translated: PageTexts | None) -> dict[str, str] | None:
    """The texts to mark for review (fuzzy), each with its English words as they were when translated ('' for a
    text that was not there): none when the translation matches the English page; else those whose English
    words changed since the version it was made from, found in the history (haven changes); all (None) when that
    version cannot be read, or when only markup changed, which no text shows."""
    if translated is None or translated.made_from == translations.source_hash(source.page):
        return {}
    try:
        _, old = changes.made_from(site, open_history(site.root), translated.page, source.page)
    except (DiagnosticsError, NoHistory):
        return None
    before = {unit.key: unit.text for unit in pagetexts.of(old).units}
    changed = {unit.key: before.get(unit.key, "") for unit in source.units if before.get(unit.key) != unit.text}
    return changed or None


def _other_blocks(site: Site, source: PageTexts, translated: PageTexts) -> Diagnostic:
    return Diagnostic(
        site.show(translated.page.path),
        1,
        "H107",
        f"its blocks (headings, paragraphs, list items, table cells) differ from {site.show(source.page.path)}'s: "
        "exported with no translation filled in",
        "translate every text in the file; import builds the page with the English page's blocks",
        Severity.WARNING,
    )
