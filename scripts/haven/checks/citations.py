"""Whether each page's sources can carry what it says: what kind each source is,
when an editor last compared it with the page, and the sentence that supports it.

These are warnings in `haven check` (errors with --strict): a page with a weak
source still helps readers more than no page, but an editor must see it.
"""

from __future__ import annotations

import datetime

from haven.core.diagnostics import Diagnostic, Severity
from haven.sources.content import Content
from haven.sources.models import FIRST_HAND, PageMeta


def findings(content: Content, today: datetime.date, strict: bool = False) -> list[Diagnostic]:
    weak = Severity.ERROR if strict else Severity.WARNING
    result = []
    for page in sorted(content.pages.values(), key=lambda p: p.path):
        shown = content.site.show(page.path)
        meta = page.meta
        for source, line in zip(meta.sources, page.source_lines, strict=False):
            if source.checked > today:
                result.append(
                    Diagnostic(
                        shown,
                        line,
                        "H042",
                        f"the source '{source.name}' was checked on {source.checked}, which is after today ({today})",
                        f"write the day you compared it with the page, e.g. checked: {today.isoformat()}",
                    )
                )
            if source.quote is None and source.kind != "news":
                result.append(
                    Diagnostic(
                        shown,
                        line,
                        "H043",
                        f"the source '{source.name}' has no quote",
                        "copy the sentence on it that supports this page into 'quote: \"…\"'",
                        weak,
                    )
                )
        if not isinstance(meta, PageMeta):
            continue  # a translation's own sources add to its English page's
        if meta.reviewed > today:
            result.append(
                Diagnostic(
                    shown,
                    page.line_of("reviewed"),
                    "H046",
                    f"the page was reviewed on {meta.reviewed}, which is after today ({today})",
                    f"write the day you checked the page against its sources, e.g. reviewed: {today.isoformat()}",
                )
            )
        if not FIRST_HAND & {source.kind for source in meta.sources}:
            result.append(
                Diagnostic(
                    shown,
                    page.line_of("sources"),
                    "H044",
                    "this page rests only on news and other reports",
                    "add the page of the law, the court, the agency or "
                    "the organization that says it (kind: law, court, government or "
                    "organization)",
                    weak,
                )
            )
        for source, line in zip(meta.sources, page.source_lines, strict=False):
            if source.checked < meta.reviewed:
                result.append(
                    Diagnostic(
                        shown,
                        line,
                        "H045",
                        f"the page says it was checked on "
                        f"{meta.reviewed}, but the source '{source.name}' was last compared with "
                        f"it on {source.checked}",
                        "compare the source with the page again and "
                        "update its 'checked:', or give 'reviewed:' the older date",
                        weak,
                    )
                )
    return result
