"""How each translated page stands against its English source.

A translation records `source_hash`, the hash of the English page it was made
from. When the English page changes, the hashes differ and the translation is
stale: readers are told, and `haven stamp` records a finished update.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from haven.core.diagnostics import COMMAND, Diagnostic, Severity
from haven.sources.models import PageMeta, TranslationMeta

if TYPE_CHECKING:
    from haven.sources.content import Content, SourcePage


# Legal content is checked against its sources at least this often.
REVIEW_EVERY = datetime.timedelta(days=365)


class State(str, Enum):
    SOURCE = "source"  # the English page itself
    FALLBACK = "fallback"  # no translation: the English page is served
    CURRENT = "current"  # translated from the English page as it is now
    STALE = "stale"  # the English page changed after the translation
    OUTDATED = "outdated"  # ... and the change alters what readers should do (legal_version)


@dataclass(frozen=True)
class Status:
    state: State
    human_reviewed: bool = True


def source_hash(page: SourcePage) -> str:
    """Hash of what a translator translates: the title and the body text.

    Line endings and trailing spaces are ignored, so an editor's whitespace-only
    change does not mark every translation stale.
    """
    lines = [page.meta.title, *page.body.replace("\r\n", "\n").split("\n")]
    normalized = "\n".join(line.rstrip() for line in lines).strip()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:12]


def made_from(recorded: str, page: SourcePage) -> bool:
    """Whether a translation that records `source_hash: recorded` was made from this version of the English
    page. The one place hashes are compared, so that a change in how they are made changes it alone."""
    return recorded == source_hash(page)


def status(content: Content, lang: str, rel: str) -> Status:
    if lang == content.site.default.code:
        return Status(State.SOURCE)
    page = content.page(lang, rel)
    if page is None:
        return Status(State.FALLBACK)
    assert isinstance(page.meta, TranslationMeta)
    source = content.source(rel)
    assert source is not None and isinstance(source.meta, PageMeta)
    if page.meta.legal_version < source.meta.legal_version:
        return Status(State.OUTDATED, page.meta.human_reviewed)
    current = made_from(page.meta.source_hash, source)
    return Status(State.CURRENT if current else State.STALE, page.meta.human_reviewed)


def translated_languages(content: Content, rel: str) -> list[str]:
    """Languages that have their own version of the page (English included)."""
    return [code for code in content.site.codes if content.page(code, rel) is not None]


def findings(content: Content, today: datetime.date, strict: bool = False) -> list[Diagnostic]:
    """What editors and translators should know about the state of translations."""
    site = content.site
    result = [
        Diagnostic(
            site.show(site.config_path),
            line or language.line,
            "H055",
            f"the navigation title '{title}' has no translation into {language.name} ({language.code})",
            f"add it under that language's nav_translations in mkdocs.yml: '{title}: …'",
            Severity.WARNING,
        )
        for title, line in site.nav_titles
        for language in site.languages
        if not language.default and not language.own_nav and title not in language.nav_translations
    ]
    for source in sorted(content.pages.values(), key=lambda p: p.path):
        if source.lang != site.default.code:
            continue
        shown = site.show(source.path)
        assert isinstance(source.meta, PageMeta)
        if today - source.meta.reviewed > REVIEW_EVERY:
            result.append(
                Diagnostic(
                    shown,
                    source.line_of("reviewed"),
                    "H052",
                    f"the legal content was last checked on {source.meta.reviewed}, more than 12 months ago",
                    "check every statement against its sources, then set 'reviewed:' to today's date",
                    Severity.WARNING,
                )
            )
        for language in site.languages:
            if language.default:
                continue
            page = content.page(language.code, source.rel)
            if page is None:
                result.append(
                    Diagnostic(
                        shown,
                        1,
                        "H050",
                        f"not translated into {language.name} ({language.code}) yet; readers get the English page",
                        f"start it with: {COMMAND} new-translation {language.code} {source.rel}",
                        Severity.WARNING,
                    )
                )
                continue
            path = site.show(page.path)
            state = status(content, language.code, source.rel).state
            if state is State.OUTDATED:
                result.append(
                    Diagnostic(
                        path,
                        page.line_of("legal_version"),
                        "H054",
                        f"the English page {site.show(source.path)} changed what readers should do "
                        f"(legal_version {source.meta.legal_version}); this translation does not say it yet",
                        f"translate the change now, then run: {COMMAND} stamp {path}",
                    )
                )
            if state is State.STALE:
                result.append(
                    Diagnostic(
                        path,
                        page.line_of("source_hash"),
                        "H051",
                        f"the English page {site.show(source.path)} changed after this translation was made",
                        f"see what changed with: {COMMAND} changes {path}; bring the translation up to date, "
                        f"then run: {COMMAND} stamp {path}",
                        Severity.ERROR if strict else Severity.WARNING,
                    )
                )
            assert isinstance(page.meta, TranslationMeta)
            if not page.meta.human_reviewed:
                result.append(
                    Diagnostic(
                        path,
                        page.line_of("human_reviewed"),
                        "H053",
                        "a fluent speaker has not reviewed this translation yet",
                        "after a review against the English page, set human_reviewed: true",
                        Severity.INFO,
                    )
                )
    return result
