"""`haven changes`: what changed in English since a translation was made, word by word.

A translator learns from H051 only *that* the English page changed; this shows *what* changed, in the
terminal: each changed paragraph with its line in the English file, removed words [-like this-] and added
words {+like this+} (red and struck out, and green, in a terminal that shows colour).
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from haven.commands import stamp
from haven.core.diagnostics import COMMAND, Diagnostic, DiagnosticsError
from haven.core.worddiff import Kind, Paragraph
from haven.sources import changes, translations
from haven.sources.content import SourcePage, orphan, read_page
from haven.sources.history import History, NoHistory, open_history
from haven.sources.models import TranslationMeta
from haven.sources.site import Site

PLAIN = {Kind.REMOVED: ("[-", "-]"), Kind.ADDED: ("{+", "+}")}
COLOUR = {Kind.REMOVED: ("\x1b[31;9m", "\x1b[0m"), Kind.ADDED: ("\x1b[32m", "\x1b[0m")}  # red struck out; green


def run(site: Site, words: list[str], out: TextIO, colour: bool) -> int:
    """Print the changes for the translations named, or for every translation of a language named alone."""
    language = words[0] if len(words) == 1 and words[0] in site.codes and words[0] != site.default.code else None
    if language is not None:
        paths = sorted(p for p in (site.docs_dir / language).rglob("*.md") if not p.is_symlink())
    else:
        paths = stamp.translations_named(site, words)
    problems: list[Diagnostic] = []
    pairs = []
    for path in paths:
        try:
            pairs.append(_pair(site, path))
        except DiagnosticsError as exc:
            problems += exc.diagnostics
    behind = 0
    history: History | None = None  # opened at the first translation that is behind: others need none
    for translation, english in pairs:
        if _current(translation, english):
            if language is None:
                print(f"{site.show(translation.path)} is up to date with {site.show(english.path)}.", file=out)
            continue
        behind += 1
        try:
            history = history or open_history(site.root)
            _show(site, changes.since_translation(site, history, translation, english), translation, out, colour)
        except DiagnosticsError as exc:
            problems += exc.diagnostics
        except NoHistory as problem:
            problems.append(changes.unreadable(site, translation, english, problem))
    if language is not None:
        name = next(lang.name for lang in site.languages if lang.code == language)
        print(f"{name} ({language}): {behind} of {len(paths)} translations behind their English page.", file=out)
    if problems:
        raise DiagnosticsError(problems)
    return 0


def _current(translation: SourcePage, english: SourcePage) -> bool:
    assert isinstance(translation.meta, TranslationMeta)
    return translation.meta.source_hash == translations.source_hash(english)  # as translations.status decides


def _show(site: Site, found: changes.Changes, translation: SourcePage, out: TextIO, colour: bool) -> None:
    """Print what changed in the English page since `translation` was made from it."""
    shown = site.show(translation.path)
    english = site.show(found.english)
    print(
        f"{shown} was translated from {english} as it was on {found.version.date} "
        f"(commit {found.version.commit}). Since then, in English:",
        file=out,
    )
    for section in found.sections:
        label = "" if section.label == "text" else f" ({section.label})"
        print(f"\n  {english}:{section.paragraph.line}{label}", file=out)
        print("    " + as_text(section.paragraph, colour).replace("\n", "\n    "), file=out)
    if not found.sections:
        print("\n  Only spaces or line breaks changed: there is nothing to translate.", file=out)
    print(f"\nWhen the translation says the same again, run: {COMMAND} stamp {shown}\n", file=out)


def as_text(paragraph: Paragraph, colour: bool) -> str:
    marks = COLOUR if colour else PLAIN
    parts = []
    for piece in paragraph.pieces:
        start, end = marks.get(piece.kind, ("", ""))
        parts.append(f"{start}{piece.text}{end}{piece.space}")
    return "".join(parts)


def _pair(site: Site, path: Path) -> tuple[SourcePage, SourcePage]:
    """The translation at `path` and its English page, each read and validated as `haven check` reads them."""
    translation, problems = read_page(path, site)
    if translation is None:
        raise DiagnosticsError(problems)
    if translation.lang == site.default.code:
        raise DiagnosticsError(
            [
                Diagnostic(
                    site.show(translation.path),
                    1,
                    "H021",
                    "this is an English page; name its translation, e.g. docs/es/" + translation.rel,
                )
            ]
        )
    english_path = site.docs_dir / site.default.code / translation.rel
    if not english_path.is_file():
        raise DiagnosticsError([orphan(site, translation)])
    english, problems = read_page(english_path, site)
    if english is None:
        raise DiagnosticsError(problems)
    return translation, english
