"""What changed in an English page since a translation was made from it.

The translation's `source_hash` names the English version it was made from. That version is found in the
English file's history, and its words are compared with the page as it is now, uncommitted edits included.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from haven.core import worddiff
from haven.core.diagnostics import COMMAND, Diagnostic, DiagnosticsError
from haven.sources import translations
from haven.sources.content import SourcePage, parse_page
from haven.sources.history import History, NoHistory, Version
from haven.sources.models import TranslationMeta
from haven.sources.site import Site


@dataclass(frozen=True)
class Section:
    label: str  # the part of the page: "title", "description" or "text"
    paragraph: worddiff.Paragraph


@dataclass(frozen=True)
class Changes:
    english: Path  # the English page
    version: Version  # the English version the translation was made from
    sections: tuple[Section, ...]  # empty when only spaces or line breaks changed


def since_translation(site: Site, history: History, translation: SourcePage, english: SourcePage) -> Changes:
    """The changes to `english` since the version `translation` records; DiagnosticsError (H115) when no
    committed version has its hash."""
    version, old = made_from(site, history, translation, english)
    return Changes(english.path, version, _sections(old, english))


def made_from(site: Site, history: History, translation: SourcePage, english: SourcePage) -> tuple[Version, SourcePage]:
    """The version of `english` that `translation` was made from, as committed and as read; DiagnosticsError
    (H115) when no committed version has its hash."""
    assert isinstance(translation.meta, TranslationMeta)
    recorded = translation.meta.source_hash
    for version in history.versions(english.path):
        old, _ = parse_page(version.text, english.path, site)  # a version that no longer reads cannot match
        if old is not None and translations.made_from(recorded, old):
            return version, old
    shown = site.show(translation.path)
    raise DiagnosticsError(
        [
            Diagnostic(
                shown,
                translation.line_of("source_hash"),
                "H115",
                f"this translation was stamped against a version of {site.show(english.path)} that was never "
                f"committed: no version in its history has the source_hash {recorded}",
                f"compare the translation with the English page as it is now, then run: {COMMAND} stamp {shown}",
            )
        ]
    )


def unreadable(site: Site, translation: SourcePage, english: SourcePage, problem: NoHistory) -> Diagnostic:
    """The finding for a translation whose English page's history cannot be read."""
    return Diagnostic(
        site.show(translation.path),
        translation.line_of("source_hash"),
        "H114" if problem.shallow else "H113",
        f"the history of {site.show(english.path)} cannot be read: {problem.reason}",
        problem.remedy,
    )


def _sections(old: SourcePage, new: SourcePage) -> tuple[Section, ...]:
    parts = (
        ("title", old.meta.title, new.meta.title, new.line_of("title")),
        ("description", old.meta.description or "", new.meta.description or "", new.line_of("description")),
        ("text", old.body, new.body, new.body_line),
    )
    return tuple(
        Section(label, paragraph)
        for label, before, after, line in parts
        for paragraph in worddiff.paragraphs(before, after, line)
    )
