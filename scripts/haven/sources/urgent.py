"""Urgent notices: when the law or a policy changes suddenly, one entry in
data/notices.yml puts a banner on every page in every language, from its date
until it expires. A language without its own text shows the English text,
marked as English, and `haven check` names the languages still missing.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from haven.core.diagnostics import Diagnostic, Severity
from haven.sources import clock
from haven.sources.datafiles import DataFiles, same_ids
from haven.sources.models import Strings, UrgentNotice, UrgentNotices
from haven.sources.site import Site

FILE = "notices.yml"  # in data/


@dataclass(frozen=True)
class Urgent:
    notices: tuple[UrgentNotice, ...] = ()
    lines: Mapping[str, int] = field(default_factory=dict)  # notice id -> its line
    path: str = f"data/{FILE}"


def load(site: Site, files: DataFiles | None = None) -> tuple[Urgent, list[Diagnostic]]:
    path = site.strings_dir.parent / FILE
    shown = site.show(path)
    model, doc, problems = (files or DataFiles(site)).validated(path, UrgentNotices, "notices file")
    if model is None or doc is None:
        return Urgent(path=shown), problems
    lines = {notice.id: doc.line_of(("notices", i)) for i, notice in enumerate(model.notices)}
    for i, notice in enumerate(model.notices):
        if site.default.code not in notice.text:
            problems.append(
                Diagnostic(
                    shown,
                    lines[notice.id],
                    "H013",
                    f"the notice '{notice.id}' needs its text in English ({site.default.code})",
                    "add a line under text: 'en: …'",
                )
            )
        for code in notice.text:
            if code not in site.codes:
                problems.append(
                    Diagnostic(
                        shown,
                        doc.line_of(("notices", i, "text", code)),
                        "H059",
                        f"the notice '{notice.id}' has text in '{code}', which is not a language of this site",
                        f"use one of: {', '.join(site.codes)}",
                    )
                )
        if notice.link and not (site.docs_dir / site.default.code / notice.link).is_file():
            problems.append(
                Diagnostic(
                    shown,
                    doc.line_of(("notices", i, "link")),
                    "H058",
                    f"the notice '{notice.id}' links to {notice.link}, which is not an English page",
                    "give the page's path inside docs/en/, e.g. rights/at-home.md",
                )
            )
    problems += same_ids(shown, lines, [notice.id for notice in model.notices], "notices")
    return Urgent(tuple(model.notices), lines, shown), problems


def findings(site: Site, urgent: Urgent, today: datetime.date) -> list[Diagnostic]:
    result = []
    for notice in urgent.notices:
        line = urgent.lines[notice.id]
        if notice.expires < today:
            result.append(
                Diagnostic(
                    urgent.path,
                    line,
                    "H057",
                    f"the notice '{notice.id}' expired on {notice.expires} and is no longer shown",
                    "remove it from the file",
                    Severity.INFO,
                )
            )
            continue
        for language in site.languages:
            if language.code not in notice.text:
                result.append(
                    Diagnostic(
                        urgent.path,
                        line,
                        "H056",
                        f"the notice '{notice.id}' has no text in "
                        f"{language.name} ({language.code}); readers there see the English text",
                        f"add under text: '{language.code}: …'",
                        Severity.WARNING,
                    )
                )
    return result


def shown_on(urgent: Urgent, site: Site, lang: str, strings: Strings, today: datetime.date) -> list[dict[str, Any]]:
    """The banners a page in `lang` shows today, in that language where translated."""
    banners = []
    for notice in urgent.notices:
        if not notice.date <= today <= notice.expires:
            continue
        translated = lang in notice.text
        link = None
        if notice.link:
            page = notice.link.removesuffix(".md").removesuffix("index")
            page = page if not page or page.endswith("/") else page + "/"
            link = page if lang == site.default.code else f"{lang}/{page}"
        banners.append(
            {
                "id": notice.id,
                "text": notice.text[lang] if translated else notice.text[site.default.code],
                "text_lang": None if translated else site.default.code,
                "label": strings.urgent_label,
                "date": notice.date.isoformat(),
                "date_text": clock.long_date(notice.date, lang),
                "link": link,
                "link_text": strings.urgent_link,
            }
        )
    return banners
