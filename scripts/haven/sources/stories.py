"""Client stories: published only with recorded consent, and never with a client's identifiers.

A story is a page in stories/ (its index aside). Its consent is recorded once,
in the English page's front matter, for every language: a withdrawn or pending
story is left out of the build in all languages by that one change. Every
story, and every page marked `client_information: true`, is scanned for
identifiers (haven.sources.identifiers) by the build and by `haven check` alike.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from pydantic import Field

from haven.core.diagnostics import Diagnostic, DiagnosticsError, Severity
from haven.sources import identifiers
from haven.sources.datafiles import DataFiles
from haven.sources.models import HttpsUrl, StrictModel, Text, validate

FOLDER = "stories/"
INDEX = "stories/index.md"
MARKER = "<!-- haven:stories -->"
ALLOWLIST = "public-numbers.yml"  # in data/


class PublicNumber(StrictModel):
    number: Text = Field(description='The number in quotes, e.g. "1-800-898-7180".')
    who: Text = Field(description="Whose public line it is.")
    source: HttpsUrl = Field(description="The page where it is published.")
    reviewed: datetime.date = Field(description="When an editor checked it against the source.")


class PublicNumbers(StrictModel):
    numbers: list[PublicNumber] = []


def is_story(rel: str) -> bool:
    return rel.startswith(FOLDER) and rel != INDEX


def load_allowlist(site, files: DataFiles | None = None) -> tuple[tuple[str, ...], list[Diagnostic]]:
    """Public numbers a story may mention: organizations' hotlines, government lines."""
    path = site.root / "data" / ALLOWLIST
    if not path.exists():
        return (), []
    try:
        doc = (files or DataFiles(site)).read(path)
    except DiagnosticsError as exc:
        return (), exc.diagnostics
    model, problems = validate(PublicNumbers, doc, "list of public numbers")
    return (tuple(entry.number for entry in model.numbers) if model else ()), problems


def unpublished(content, today: datetime.date) -> frozenset[str]:
    """Stories left out of the site in every language: no consent, pending, or withdrawn."""
    english = content.site.default.code
    return frozenset(
        rel
        for (lang, rel), page in content.pages.items()
        if lang == english and is_story(rel) and (page.meta.consent is None or not page.meta.consent.publishable(today))
    )


def findings(content, allowed: tuple[str, ...]) -> list[Diagnostic]:
    """Errors that stop the build: a story without consent, an identifier in client information."""
    english = content.site.default.code
    problems = []
    for (lang, rel), page in sorted(content.pages.items()):
        source = content.source(rel)
        if lang == english and is_story(rel) and page.meta.consent is None:
            problems.append(
                Diagnostic(
                    content.site.show(page.path),
                    1,
                    "H087",
                    "a client story needs a record of consent",
                    "add 'consent:' to the front matter (see the story template in "
                    "CONTRIBUTING.md); never publish a story without it",
                )
            )
        if not (is_story(rel) or (source is not None and source.meta.client_information)):
            continue
        for found in identifiers.find(page.body, lang, allowed, page.body_line):
            problems.append(
                Diagnostic(
                    content.site.show(page.path),
                    found.line,
                    found.code,
                    f"{found.kind} in client information: '{found.text}'",
                    found.hint,
                )
            )
    return problems


def review_findings(content, today: datetime.date) -> list[Diagnostic]:
    """Warnings for editors: consent whose review date has passed."""
    result = []
    for rel in sorted(rel for (lang, rel) in content.pages if lang == content.site.default.code and is_story(rel)):
        page = content.source(rel)
        consent = page.meta.consent
        if consent and consent.how != "pending" and consent.withdrawn is None and consent.review_by < today:
            result.append(
                Diagnostic(
                    content.site.show(page.path),
                    page.line_of("consent"),
                    "H088",
                    f"the consent for this story was due for review on {consent.review_by}",
                    f"ask again through {consent.withdraw_contact}; then set a new review_by, "
                    "or withdrawn: with today's date",
                    Severity.WARNING,
                )
            )
    return result


def without(nav, rels: frozenset[str]):
    """The nav: list of mkdocs.yml without the pages in `rels`, and without sections left empty."""
    if isinstance(nav, list):
        kept = [item for item in (without(item, rels) for item in nav) if item is not None]
        return kept
    if isinstance(nav, dict):
        result = {}
        for title, value in nav.items():
            value = without(value, rels)
            if value not in (None, []):
                result[title] = value
        return result or None
    return None if nav in rels else nav


@dataclass(frozen=True)
class Listed:
    """A story as the stories page lists it (overrides/haven/stories.html)."""

    slug: str  # its address inside stories/, e.g. 'kenault'
    href: str  # from the stories page
    title: str
    description: str | None
    lang: str | None  # the language it is shown in, when not the reader's (an English stand-in)


def listed(content, lang: str, hidden: frozenset[str]) -> list[Listed]:
    """The published stories (all but those `hidden`), each in the reader's language where it is translated."""
    found = []
    for rel in sorted(
        rel
        for (code, rel) in content.pages
        if code == content.site.default.code and is_story(rel) and rel not in hidden
    ):
        page = content.page(lang, rel) or content.source(rel)
        href = rel.removeprefix(FOLDER).removesuffix(".md") + "/"
        found.append(
            Listed(
                href.strip("/"), href, page.meta.title, page.meta.description, None if page.lang == lang else page.lang
            )
        )
    return found
