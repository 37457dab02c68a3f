"""Read and validate every page, UI-strings file and data file of the site, once.

Both the build (the haven plugin, through `load()`) and `haven check` (through
`collect()`) start here, so they report the same findings. All findings are collected before anything is raised, so an
editor sees every problem in one run.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from haven.core import yamlsource
from haven.core.diagnostics import Diagnostic, DiagnosticsError
from haven.core.textfile import read_text
from haven.sources import addresses as addresses_module
from haven.sources import directory as directory_module
from haven.sources import frontmatter, inputs, stories
from haven.sources import glossary as glossary_module
from haven.sources import urgent as urgent_module
from haven.sources.datafiles import DataFiles
from haven.sources.models import PageMeta, Strings, TranslationMeta, validate
from haven.sources.site import Site

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class SourcePage:
    lang: str
    rel: str  # path inside the language folder, e.g. 'rights/at-home.md'
    path: Path
    meta: PageMeta | TranslationMeta
    body: str
    body_line: int  # file line where the Markdown body starts
    lines: Mapping[str, int]  # front-matter field -> its line
    source_lines: tuple[int, ...] = ()  # the line of each entry under `sources:`

    def line_of(self, field: str) -> int:
        return self.lines.get(field, 1)


@dataclass(frozen=True)
class Content:
    site: Site
    pages: Mapping[tuple[str, str], SourcePage]
    strings: Mapping[str, Strings]
    urgent: urgent_module.Urgent = urgent_module.Urgent()
    directory: directory_module.Directory = directory_module.Directory()
    addresses: addresses_module.Addresses = addresses_module.Addresses()
    glossary: glossary_module.Glossary = glossary_module.Glossary()
    # What translations.status found for each (language, page): every page of every language asks for the
    # others' (the language menu), and the pages do not change while this reading is in use.
    statuses: dict[tuple[str, str], object] = field(default_factory=dict, init=False, repr=False, compare=False)

    def page(self, lang: str, rel: str) -> SourcePage | None:
        return self.pages.get((lang, rel))

    def source_of(self, src_uri: str) -> SourcePage:
        """The page MkDocs builds from `src_uri` ('es/rights/at-home.md'): every such page was read first."""
        return self.pages[self.site.split_src(src_uri)]

    def source(self, rel: str) -> SourcePage | None:
        return self.pages.get((self.site.default.code, rel))


def read_page(path: Path, site: Site) -> tuple[SourcePage | None, list[Diagnostic]]:
    path = Path(path).resolve()
    try:
        text = read_text(path, site.show(path))
    except DiagnosticsError as exc:
        return None, exc.diagnostics
    return parse_page(text, path, site)


def parse_page(text: str, path: Path, site: Site) -> tuple[SourcePage | None, list[Diagnostic]]:
    """The page `text` as if it were the file `path`: also an older version of it, read from its history."""
    path = Path(path).resolve()
    shown = site.show(path)
    lang, rel = site.split_src(path.relative_to(site.docs_dir).as_posix())
    try:
        parsed = frontmatter.split(text, shown)
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
    meta: PageMeta | TranslationMeta | None
    if lang == site.default.code:
        meta, problems = validate(PageMeta, parsed.header, "front matter")
    else:
        meta, problems = validate(TranslationMeta, parsed.header, "front matter")
    if meta is None:
        return None, problems
    lines = {str(loc[0]): line for loc, line in parsed.header.lines.items() if len(loc) == 1}
    source_lines = tuple(parsed.header.line_of(("sources", i)) for i in range(len(meta.sources)))
    return SourcePage(lang, rel, path, meta, parsed.body, parsed.body_line, lines, source_lines), []


def load(site: Site) -> Content:
    """The site's validated content; raises DiagnosticsError listing every problem."""
    content, problems = collect(site)
    if problems:
        raise DiagnosticsError(problems)
    return content


def collect(site: Site, files: DataFiles | None = None) -> tuple[Content, list[Diagnostic]]:
    """Everything that is valid, and a finding for everything that is not. `files`: the data files as read,
    for a caller that reads them again (haven check)."""
    problems: list[Diagnostic] = inputs.findings(site)
    refused = {finding.path for finding in problems}  # not read: a link out of the repository, a device
    pages: dict[tuple[str, str], SourcePage] = {}
    for path in sorted(site.docs_dir.rglob("*.md")):
        if path.is_symlink() or site.show(path) in refused:  # a link's findings are inputs' (H018)
            continue
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
    problems += _same_address(site, pages) + _same_title(site, pages)
    files = files or DataFiles(site)
    strings, documents = {}, {}
    for language in site.languages:
        loaded, documents[language.code], found = read_strings(site, language.code, files)
        problems += found
        if loaded:
            strings[language.code] = loaded
    reference = documents.pop(site.default.code)
    for doc in documents.values():
        problems += placeholder_mismatches(doc, reference)
    urgent, found = urgent_module.load(site, files)
    problems += found
    directory, found = directory_module.load(site, files)
    problems += found
    allowed, found = stories.load_allowlist(site, files)
    problems += found
    addresses, found = addresses_module.load(site, files)
    problems += found
    glossary, found = glossary_module.load(site, files)
    problems += found
    content = Content(
        site=site,
        pages=pages,
        strings=strings,
        urgent=urgent,
        directory=directory,
        addresses=addresses,
        glossary=glossary,
    )
    problems += _orphans(content)
    problems += stories.findings(content, allowed)
    return content, problems


def _orphans(content: Content) -> list[Diagnostic]:
    """Translations whose English page does not exist."""
    return [
        orphan(content.site, page)
        for page in content.pages.values()
        # The file, not its reading: an English page with a broken front matter has its own finding.
        if page.lang != content.site.default.code
        and not (content.site.docs_dir / content.site.default.code / page.rel).is_file()
    ]


def orphan(site: Site, page: SourcePage) -> Diagnostic:
    """The finding for a translation whose English page does not exist."""
    return Diagnostic(
        site.show(page.path),
        1,
        "H020",
        f"there is no English page docs/{site.default.code}/{page.rel} for this translation",
        "give the file the same path as its English page, or add the English page first",
    )


def _same_address(site: Site, pages: Mapping[tuple[str, str], SourcePage]) -> list[Diagnostic]:
    """Two files that would be published at one address (x.md and x/index.md): one would silently win."""
    first: dict[tuple[str, str], SourcePage] = {}
    found = []
    for (lang, rel), page in sorted(pages.items()):
        address = addresses_module.page_url(rel)
        other = first.setdefault((lang, address), page)
        if other is not page:
            found.append(
                Diagnostic(
                    site.show(page.path),
                    1,
                    "H027",
                    f"this page and {site.show(other.path)} would both be published at /{address}",
                    "keep one of them; merge their text into it",
                )
            )
    return found


def _same_title(site: Site, pages: Mapping[tuple[str, str], SourcePage]) -> list[Diagnostic]:
    """Two pages of one language with one title: most often a page copied into a second folder, whose copies
    then drift apart while readers see two menu entries and two search results they cannot tell apart."""
    first: dict[tuple[str, str], SourcePage] = {}
    found = []
    for (lang, _), page in sorted(pages.items()):
        other = first.setdefault((lang, " ".join(page.meta.title.casefold().split())), page)
        one_address = addresses_module.page_url(other.rel) == addresses_module.page_url(page.rel)  # H027's case
        if other is not page and not one_address:
            found.append(
                Diagnostic(
                    site.show(page.path),
                    page.line_of("title"),
                    "H028",
                    f"this page has the title '{page.meta.title}', as {site.show(other.path)} has",
                    "keep one page and link to it, or give each page a title of its own",
                )
            )
    return found


def read_strings(
    site: Site, code: str, files: DataFiles | None = None
) -> tuple[Strings | None, yamlsource.YamlDocument | None, list[Diagnostic]]:
    """A language's interface strings, the document they were read from, and their problems."""
    path = site.strings_dir / f"{code}.yml"
    shown = site.show(path)
    if not path.exists():
        return (
            None,
            None,
            [
                Diagnostic(
                    shown,
                    1,
                    "H040",
                    f"the interface strings for '{code}' are missing",
                    f"copy data/strings/{site.default.code}.yml to {shown} and translate each line",
                )
            ],
        )
    try:
        doc = (files or DataFiles(site)).read(path)
    except DiagnosticsError as exc:
        return None, None, exc.diagnostics
    strings, problems = validate(Strings, doc, "strings file")
    return strings, doc, problems


def placeholder_mismatches(
    doc: yamlsource.YamlDocument | None, reference: yamlsource.YamlDocument | None
) -> list[Diagnostic]:
    """Strings whose {placeholders} differ from the English reference's.

    Nothing to compare when either file could not be read: that is reported already.
    """
    if doc is None or reference is None or not isinstance(doc.data, dict) or not isinstance(reference.data, dict):
        return []
    problems = []
    for loc, english in _texts(reference.data, ()):
        value = _at(doc.data, loc)
        if isinstance(value, str):
            expected, found = set(_PLACEHOLDER.findall(english)), set(_PLACEHOLDER.findall(value))
            if expected != found:
                name = ".".join(loc)
                problems.append(
                    Diagnostic(
                        doc.path,
                        doc.line_of(loc),
                        "H041",
                        f"{name}: the placeholders {_braces(found)} differ from English {_braces(expected)}",
                        "keep each {name} exactly as in data/strings/en.yml; it is replaced when the page is built",
                    )
                )
    return problems


def _texts(data: dict, loc: tuple) -> list[tuple[tuple, str]]:
    """Every text of a strings file with its place, e.g. (("directory", "checked"), "Checked on {date}")."""
    found = []
    for key, value in data.items():
        if isinstance(value, dict):
            found += _texts(value, (*loc, key))
        elif isinstance(value, str):
            found.append(((*loc, key), value))
    return found


def _at(data, loc: tuple):
    for key in loc:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _braces(names: set[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names)) or "(none)"
