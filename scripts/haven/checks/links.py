"""Find every link an editor wrote, with its line, and say what is wrong with it.

Links are read from the Markdown source (so each finding has the line the
editor typed), entities decoded the way a browser decodes them (so
`java&#115;cript:` is caught), and resolved the way mkdocs-static-i18n serves
pages: a page missing in a language is served from English, so linking to it
is fine; linking into another language's folder is not. Anchors are checked
against the ids the page's own Markdown produces, with the site's extensions.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote

from haven.core import schemes
from haven.core.diagnostics import Diagnostic, DiagnosticsError
from haven.sources.content import Content, SourcePage
from haven.sources.datafiles import DataFiles
from haven.sources.directory import FOLDER as DIRECTORY

Anchors = Callable[[SourcePage], set[str]]  # the ids a page's Markdown gives its headings and elements


@dataclass(frozen=True)
class Link:
    url: str  # as a browser reads it: entities decoded
    line: int


_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_PATTERNS = [
    re.compile(r"!?\[[^\]]*\]\(\s*<([^>]*)>"),  # [text](<url with spaces>)
    re.compile(r"!?\[[^\]]*\]\(\s*([^)\s]*)"),  # [text](url "title")
    re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)"),  # [ref]: url
    re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>"),  # <https://…>
    re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE),
]
# What every pattern above needs: most lines have no link, and this one search passes them by.
_MAY_LINK = re.compile(r"\]\(|\]:|<|=")
_SCRIPT = re.compile(r"<\s*script\b", re.IGNORECASE)
_HANDLER = re.compile(r"<[a-zA-Z][^>]*?\s(on[a-z]+)\s*=", re.IGNORECASE)


def source_lines(page: SourcePage) -> Iterator[tuple[int, str]]:
    """(file line, text) of the body's lines outside fenced code, code spans removed.

    Indented lines are kept: in these pages they are admonition and list text.
    """
    fence = None
    for number, line in enumerate(page.body.splitlines(), start=page.body_line):
        marker = _FENCE.match(line)
        if fence:
            if marker and marker.group(1) == fence:
                fence = None
            continue
        if marker:
            fence = marker.group(1)
            continue
        yield number, _CODE_SPAN.sub("", line) if "`" in line else line


def extract(page: SourcePage) -> list[Link]:
    links = []
    for number, line in source_lines(page):
        if not _MAY_LINK.search(line):
            continue
        seen = set()
        for pattern in _PATTERNS:
            for match in pattern.finditer(line):
                raw = next((g for g in match.groups() if g is not None), "")
                if match.start() in seen:
                    continue
                seen.add(match.start())
                links.append(Link(html.unescape(raw).strip(), number))
    return links


def check(content: Content, anchors: Anchors, site_host: str | None) -> list[Diagnostic]:
    """Every problem with every link and every piece of raw script in the content."""
    ids: dict[tuple[str, str], set[str]] = {}

    def ids_of(page: SourcePage) -> set[str]:
        key = (page.lang, page.rel)
        if key not in ids:
            ids[key] = anchors(page)
        return ids[key]

    findings = []
    for page in sorted(content.pages.values(), key=lambda p: p.path):
        shown = content.site.show(page.path)
        for number, line in source_lines(page):
            if "<" not in line:  # no script and no handler
                continue
            if _SCRIPT.search(line):
                findings.append(
                    _error(
                        shown,
                        number,
                        "H067",
                        "raw <script> in page content",
                        "pages hold text and links only; remove the script",
                    )
                )
            for handler in _HANDLER.finditer(line):
                findings.append(
                    _error(
                        shown,
                        number,
                        "H067",
                        f"a '{handler.group(1)}=' script handler in page content",
                        "pages hold text and links only; remove the attribute",
                    )
                )
        for link in extract(page):
            findings += _check_link(content, page, shown, link, ids_of, site_host)
    return findings


def _check_link(content, page, shown, link, ids_of, site_host) -> list[Diagnostic]:
    problem = schemes.problem(link.url, site_host)
    if problem:
        return [_error(shown, link.line, *problem)]
    if schemes.scheme(link.url) or link.url.startswith("/"):
        return []
    return _check_relative(content, page, shown, link, ids_of)


def check_data(files: DataFiles, site_host: str | None) -> list[Diagnostic]:
    """Links written in structured data (data/**/*.yml): the same rules as in pages.

    The files a loader read (haven.sources.content.collect) are not read again, and one that could not be
    read was named by its loader; the directory's entries have their links checked by their loader."""
    findings = []
    directory = files.site.root / "data" / DIRECTORY
    for path in files.paths():
        if path.is_relative_to(directory):
            continue
        named = files.is_read(path)
        try:
            doc = files.read(path)
        except DiagnosticsError as exc:
            findings += [] if named else exc.diagnostics
            continue
        found = schemes.data_problems(doc.data, site_host)
        findings += [_error(doc.path, doc.line_of(loc), *problem) for loc, problem in found]
    return findings


def _check_relative(content, page, shown, link, ids_of) -> list[Diagnostic]:
    path_part, _, fragment = link.url.partition("#")
    path_part = unquote(path_part.split("?", 1)[0])
    fragment = unquote(fragment)
    site = content.site
    if not path_part:
        target = page
    else:
        resolved = _normalize(PurePosixPath(page.lang) / PurePosixPath(page.rel).parent / path_part)
        if resolved is None or len(resolved.parts) < 2:
            return [
                _error(
                    shown,
                    link.line,
                    "H060",
                    f"the link '{link.url}' leads out of the site's pages",
                    "link to a page inside docs/ with a relative path",
                )
            ]
        lang, rel = resolved.parts[0], PurePosixPath(*resolved.parts[1:]).as_posix()
        if lang != page.lang:
            return [
                _error(
                    shown,
                    link.line,
                    "H062",
                    f"the link '{link.url}' leads into the {lang} pages",
                    f"link to the page in your own language: {rel}",
                )
            ]
        if not rel.endswith(".md"):
            for candidate in (site.docs_dir / page.lang / rel, site.docs_dir / site.default.code / rel):
                if candidate.is_file():
                    return []
            folder = (site.docs_dir / site.default.code / rel).is_dir()
            hint = "link to the page's .md file, e.g. index.md inside it" if folder else "check the file name"
            return [_error(shown, link.line, "H060", f"the link '{link.url}' leads to no page or file", hint)]
        target = content.page(page.lang, rel) or content.source(rel)
        if target is None:
            exists = (site.docs_dir / page.lang / rel).exists() or (site.docs_dir / site.default.code / rel).exists()
            if exists:
                return []  # the target page is invalid: that is reported on its own file
            return [
                _error(
                    shown,
                    link.line,
                    "H060",
                    f"the link '{link.url}' leads to a page that does not exist",
                    f"check the file name; pages in this folder: {_nearby(site.docs_dir / page.lang / rel)}",
                )
            ]
    if fragment and fragment not in ids_of(target):
        return [
            _error(
                shown,
                link.line,
                "H061",
                f"the page {target.rel} has no heading with the anchor '#{fragment}'",
                "copy the anchor from the heading's ¶ link on the built page",
            )
        ]
    return []


def _normalize(path: PurePosixPath) -> PurePosixPath | None:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    return PurePosixPath(*parts) if parts else None


def _nearby(path) -> str:
    names = sorted(p.name for p in path.parent.glob("*.md")) if path.parent.is_dir() else []
    return ", ".join(names) or "none"


def _error(path: str, line: int, code: str, message: str, hint: str) -> Diagnostic:
    return Diagnostic(path, line, code, message, hint)


def external(content: Content) -> dict[str, list[tuple[str, int]]]:
    """Every https link to another site in the pages, with where it is written."""
    places: dict[str, list[tuple[str, int]]] = {}
    for page in sorted(content.pages.values(), key=lambda p: p.path):
        for link in extract(page):
            if link.url.lower().startswith("https://"):
                places.setdefault(link.url, []).append((content.site.show(page.path), link.line))
    return places
