"""How each translated page stands against its English source.

A translation records `source_hash`, the hash of the English page it was made
from. When the English page changes, the hashes differ and the translation is
stale: readers are told, and `haven stamp` records a finished update.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from haven.diagnostics import Diagnostic
from haven.models import TranslationMeta

if TYPE_CHECKING:
    from haven.content import Content, SourcePage


class State(str, Enum):
    SOURCE = "source"  # the English page itself
    FALLBACK = "fallback"  # no translation: the English page is served
    CURRENT = "current"  # translated from the English page as it is now
    STALE = "stale"  # the English page changed after the translation


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


def status(content: Content, lang: str, rel: str) -> Status:
    if lang == content.site.default.code:
        return Status(State.SOURCE)
    page = content.page(lang, rel)
    if page is None:
        return Status(State.FALLBACK)
    assert isinstance(page.meta, TranslationMeta)
    source = content.source(rel)
    current = source is not None and page.meta.source_hash == source_hash(source)
    return Status(State.CURRENT if current else State.STALE, page.meta.human_reviewed)


def translated_languages(content: Content, rel: str) -> list[str]:
    """Languages that have their own version of the page (English included)."""
    return [code for code in content.site.codes if content.page(code, rel) is not None]


def orphans(content: Content) -> list[Diagnostic]:
    """Translations whose English page does not exist."""
    return [
        Diagnostic(
            content.site.show(page.path),
            1,
            "H020",
            f"there is no English page docs/{content.site.default.code}/{page.rel} for this translation",
            "give the file the same path as its English page, or add the English page first",
        )
        for page in content.pages.values()
        if page.lang != content.site.default.code and content.source(page.rel) is None
    ]
