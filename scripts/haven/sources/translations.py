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
from haven.sources import leftover_english
from haven.sources.models import FluentReview, PageMeta, TranslationMeta

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
    human_reviewed: bool = True  # a fluent speaker's review counts: it was made against the English page as it is now
    review: FluentReview | None = None  # the review recorded, whether it counts or not
    english_lines: tuple[int, ...] = ()  # lines of the translation still as in English (leftover_english)
    all_english: bool = False  # ... and nothing else is translated yet

    @property
    def finished(self) -> bool:
        """The page has a translation of its own with no English left in it."""
        return self.state is not State.FALLBACK and not self.english_lines


def source_hash(page: SourcePage) -> str:
    """Hash of what a translator translates: the title, the description and the body text.

    Line endings and trailing spaces are ignored, so an editor's whitespace-only
    change does not mark every translation stale. A page without a description
    hashes as it did before descriptions took part.
    """
    return _digest([page.meta.title, *filter(None, [page.meta.description]), page.body])


def made_from(recorded: str, page: SourcePage) -> bool:
    """Whether a translation's recorded `source_hash` names this version of the English page.

    Hashes recorded before descriptions took part (title and body only) still name the
    version they were made from, for looking it up in the page's history; `status` asks
    for the current form, so such a translation reads as stale until it is stamped again.
    """
    return recorded in (source_hash(page), _digest([page.meta.title, page.body]))


def _digest(texts: list[str]) -> str:
    lines = "\n".join(texts).replace("\r\n", "\n").split("\n")
    normalized = "\n".join(line.rstrip() for line in lines).strip()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:12]


def status(content: Content, lang: str, rel: str) -> Status:
    """How the page stands in `lang`, worked out once per reading of the sources (Content.statuses)."""
    found = content.statuses.get((lang, rel))
    if not isinstance(found, Status):
        found = content.statuses[lang, rel] = _status(content, lang, rel)
    return found


def _status(content: Content, lang: str, rel: str) -> Status:
    if lang == content.site.default.code:
        return Status(State.SOURCE)
    page = content.page(lang, rel)
    if page is None:
        return Status(State.FALLBACK)
    assert isinstance(page.meta, TranslationMeta)
    source = content.source(rel)
    assert source is not None and isinstance(source.meta, PageMeta)
    left = leftover_english.find(page, source)
    english = source_hash(source)
    if page.meta.legal_version < source.meta.legal_version:
        state = State.OUTDATED
    else:
        state = State.CURRENT if page.meta.source_hash == english else State.STALE
    review = page.meta.human_reviewed if isinstance(page.meta.human_reviewed, FluentReview) else None
    counts = review is not None and review.source_hash == english
    return Status(state, counts, review, left.lines, left.everything)


def translated_languages(content: Content, rel: str) -> list[str]:
    """Languages that have their own version of the page (English included), not just its English text."""
    return [
        code
        for code in content.site.codes
        if content.page(code, rel) is not None and not status(content, code, rel).all_english
    ]


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
            page_status = status(content, language.code, source.rel)
            state = page_status.state
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
            if page_status.english_lines:
                count = len(page_status.english_lines)
                result.append(
                    Diagnostic(
                        path,
                        page_status.english_lines[0],
                        "H047",
                        f"still in English: {count} {'line reads' if count == 1 else 'lines read'} exactly as in the "
                        "English page, so readers are told this page is not translated yet",
                        "translate every line; names and other lines of one or two words may stay in English",
                        Severity.ERROR if strict else Severity.WARNING,
                    )
                )
            result += _review_findings(page, page_status, path)
    return result


def _review_findings(page: SourcePage, page_status: Status, path: str) -> list[Diagnostic]:
    assert isinstance(page.meta, TranslationMeta)
    line = page.line_of("human_reviewed")
    review = f"after a review against the English page, run: {COMMAND} review {path} --by 'your name or handle'"
    if page.meta.human_reviewed is True:
        return [
            Diagnostic(
                path,
                line,
                "H049",
                "human_reviewed: true does not say who reviewed this translation, nor when",
                f"the reviewer runs: {COMMAND} review {path} --by 'their name or handle'",
            )
        ]
    if page_status.review is not None and not page_status.human_reviewed:
        return [
            Diagnostic(
                path,
                line,
                "H048",
                f"the review by {page_status.review.by} on {page_status.review.date} was of an older English "
                "page; it no longer counts",
                review,
                Severity.INFO,
            )
        ]
    if not page_status.human_reviewed:
        return [
            Diagnostic(
                path, line, "H053", "a fluent speaker has not reviewed this translation yet", review, Severity.INFO
            )
        ]
    return []
