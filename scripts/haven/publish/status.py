"""`haven status`: how far each language has come, as a table."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, dataclass
from operator import attrgetter

from haven.core.diagnostics import COMMAND, DiagnosticsError
from haven.render import templates
from haven.sources import changes, directory, translations
from haven.sources.content import Content
from haven.sources.history import NoHistory, open_history
from haven.sources.translations import State


@dataclass(frozen=True)
class LanguageStatus:
    code: str
    name: str
    translated: int  # pages with their own current or stale translation, with no English left in it
    total: int  # English pages
    unfinished: int  # translations that still hold lines of the English text
    stale: int
    current: int  # translated, no English left, and made from the English page as it is now
    unreviewed: int
    strings: bool  # its interface strings file is complete and valid
    directory_texts: int  # directory descriptions, phone labels and hours in this language
    directory_total: int

    @property
    def percent(self) -> int:
        return round(100 * self.current / self.total) if self.total else 100


def compute(content: Content) -> list[LanguageStatus]:
    sources = sorted(rel for lang, rel in content.pages if lang == content.site.default.code)
    rows = []
    for language in content.site.languages:
        states = [translations.status(content, language.code, rel) for rel in sources]
        texts, total_texts = directory.translated_texts(content.directory, language.code)
        rows.append(
            LanguageStatus(
                code=language.code,
                name=language.name,
                translated=sum(s.finished for s in states),
                total=len(sources),
                unfinished=sum(s.state is not State.FALLBACK and not s.finished for s in states),
                stale=sum(s.state is State.STALE for s in states),
                current=sum(s.finished and s.state in (State.SOURCE, State.CURRENT) for s in states),
                unreviewed=sum(not s.human_reviewed for s in states if s.state is not State.FALLBACK),
                strings=language.code in content.strings,
                directory_texts=texts,
                directory_total=total_texts,
            )
        )
    return rows


@dataclass(frozen=True)
class Review:
    """A fluent speaker's recorded review of one translation, for the status page."""

    page: str  # the translation's path, as editors see it
    by: str
    date: str
    counts: bool  # made against the English page as it is now


def reviews(content: Content) -> list[Review]:
    found = []
    for (lang, rel), page in sorted(content.pages.items()):
        status = translations.status(content, lang, rel)
        if status.review is not None:
            found.append(
                Review(
                    content.site.show(page.path),
                    status.review.by,
                    status.review.date.isoformat(),
                    status.human_reviewed,
                )
            )
    return found


_HEADER = (
    "language",
    "translated",
    "unfinished",
    "stale",
    "unreviewed",
    "UI strings",
    "directory texts",
    "up to date",
)


def _cells(row: LanguageStatus) -> tuple[str, ...]:
    return (
        f"{row.name} ({row.code})",
        f"{row.translated}/{row.total}",
        str(row.unfinished),
        str(row.stale),
        str(row.unreviewed),
        "complete" if row.strings else "missing",
        f"{row.directory_texts}/{row.directory_total}",
        f"{row.percent}%",
    )


def as_markdown(rows: list[LanguageStatus]) -> str:
    lines = ["| " + " | ".join(_HEADER) + " |", "|" + "---|" * len(_HEADER)]
    lines += ["| " + " | ".join(_cells(row)) + " |" for row in rows]
    return "\n".join(lines)


def _width(text: str) -> int:
    """Columns a terminal gives `text`: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def as_text(rows: list[LanguageStatus]) -> str:
    table = [_HEADER, *(_cells(row) for row in rows)]
    widths = [max(_width(r[i]) for r in table) for i in range(len(_HEADER))]
    return "\n".join(
        "  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(r, widths, strict=False)).rstrip()
        for r in table
    )


def as_json(rows: list[LanguageStatus]) -> str:
    return json.dumps([{**asdict(row), "percent": row.percent} for row in rows], ensure_ascii=False, indent=2)


@dataclass(frozen=True)
class Behind:
    """A translation made from an older version of its English page, and what changed since."""

    translation: str  # as editors see it, e.g. docs/es/rights/at-home.md
    english: str
    changes: changes.Changes | None  # None when they cannot be shown
    problem: str = ""  # why they cannot be shown for this page (the whole page's reason is said once)


def behind(content: Content) -> tuple[list[Behind], str]:
    """Every translation behind its English page, with what changed in English since it was made; and, when
    the history cannot be read at all (a shallow clone), why, in one sentence. Git runs only for these pages,
    and only a few times for each English page."""
    site = content.site
    sources = sorted((page for page in content.pages.values() if page.lang == site.default.code), key=attrgetter("rel"))
    pairs = [
        (translation, english)
        for english in sources
        for language in site.languages
        if translations.status(content, language.code, english.rel).state in (State.STALE, State.OUTDATED)
        and (translation := content.page(language.code, english.rel)) is not None
    ]
    if not pairs:
        return [], ""
    try:
        history = open_history(site.root)
    except NoHistory as problem:
        return (
            [Behind(site.show(translation.path), site.show(english.path), None) for translation, english in pairs],
            f"What changed is not shown here: {problem.reason} ({problem.remedy}).",
        )
    found = []
    for translation, english in pairs:
        shown, english_shown = site.show(translation.path), site.show(english.path)
        try:
            found.append(Behind(shown, english_shown, changes.since_translation(site, history, translation, english)))
        except DiagnosticsError as exc:
            found.append(Behind(shown, english_shown, None, exc.diagnostics[0].message))
        except NoHistory as problem:
            found.append(Behind(shown, english_shown, None, f"What changed is not shown: {problem.reason}."))
    return found, ""


def as_html_page(content: Content) -> str:
    """A plain page for editors (not linked from the site's navigation, not indexed)."""
    stale, note = behind(content)
    return templates.render(
        content.site,
        "status.html",
        header=_HEADER,
        rows=[_cells(row) for row in compute(content)],
        behind=stale,
        note=note,
        reviews=reviews(content),
        command=COMMAND,
    )
