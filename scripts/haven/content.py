"""Read and validate every page and UI-strings file of the site, once.

Both the build (hooks) and the command line start from `load()`, so they report
the same findings. All findings are collected before anything is raised, so an
editor sees every problem in one run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from haven import frontmatter, translations, yamlsource
from haven.diagnostics import Diagnostic, DiagnosticsError
from haven.models import PageMeta, Strings, TranslationMeta, validate
from haven.site import Site


@dataclass(frozen=True)
class SourcePage:
    lang: str
    rel: str  # path inside the language folder, e.g. 'rights/at-home.md'
    path: Path
    meta: PageMeta | TranslationMeta
    body: str


@dataclass(frozen=True)
class Content:
    site: Site
    pages: Mapping[tuple[str, str], SourcePage]
    strings: Mapping[str, Strings]

    def page(self, lang: str, rel: str) -> SourcePage | None:
        return self.pages.get((lang, rel))

    def source(self, rel: str) -> SourcePage | None:
        return self.pages.get((self.site.default.code, rel))


def read_page(path: Path, site: Site) -> tuple[SourcePage | None, list[Diagnostic]]:
    path = Path(path).resolve()
    shown = site.show(path)
    lang, rel = site.split_src(path.relative_to(site.docs_dir).as_posix())
    try:
        parsed = frontmatter.split(path.read_text(encoding="utf-8"), shown)
    except DiagnosticsError as exc:
        return None, exc.diagnostics
    if parsed.header is None:
        return None, [
            Diagnostic(
                shown,
                1,
                "H015",
                "this page has no front matter",
                "start the file with '---', a line 'title: …' and the other fields, then '---'",
            )
        ]
    model = PageMeta if lang == site.default.code else TranslationMeta
    meta, problems = validate(model, parsed.header, "front matter")
    if meta is None:
        return None, problems
    return SourcePage(lang=lang, rel=rel, path=path, meta=meta, body=parsed.body), []


def load(site: Site) -> Content:
    problems: list[Diagnostic] = []
    pages: dict[tuple[str, str], SourcePage] = {}
    for path in sorted(site.docs_dir.rglob("*.md")):
        lang, _ = site.split_src(path.relative_to(site.docs_dir).as_posix())
        if lang not in site.codes:
            problems.append(
                Diagnostic(
                    site.show(path),
                    1,
                    "H032",
                    f"pages live in docs/<language>/, and '{lang}' is not a language in mkdocs.yml",
                    "move the page into the folder of its language, e.g. docs/es/",
                )
            )
            continue
        page, found = read_page(path, site)
        problems += found
        if page:
            pages[(page.lang, page.rel)] = page
    strings = {}
    for language in site.languages:
        loaded, found = read_strings(site, language.code)
        problems += found
        if loaded:
            strings[language.code] = loaded
    content = Content(site=site, pages=pages, strings=strings)
    problems += translations.orphans(content)
    if problems:
        raise DiagnosticsError(problems)
    return content


def read_strings(site: Site, code: str) -> tuple[Strings | None, list[Diagnostic]]:
    path = site.strings_dir / f"{code}.yml"
    shown = site.show(path)
    if not path.exists():
        return None, [
            Diagnostic(
                shown,
                1,
                "H040",
                f"the interface strings for '{code}' are missing",
                f"copy data/strings/{site.default.code}.yml to {shown} and translate each line",
            )
        ]
    try:
        doc = yamlsource.parse(path.read_text(encoding="utf-8"), shown)
    except DiagnosticsError as exc:
        return None, exc.diagnostics
    return validate(Strings, doc, "strings file")
