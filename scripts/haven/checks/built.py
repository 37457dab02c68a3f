"""Check the built site's pages: every link in page content leads somewhere real.

This sees what the source checks cannot: links as the browser gets them,
after Markdown, templates and entity decoding, in every language including
English fallbacks. Only page content (<article>) is checked; the theme's own
navigation, language menu and canonical links are not content. Each file is
read and parsed once (selectolax: the lexbor parser, several times faster
than html.parser), and each finding names the source page and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

from haven.core import budget, schemes
from haven.core.diagnostics import Diagnostic, line_holding
from haven.sources.site import Site


@dataclass(frozen=True)
class BuiltPage:
    url: str  # site-relative address, e.g. 'es/rights/at-home/'
    ids: frozenset[str]
    links: tuple[str, ...]  # href/src values inside the page content, decoded
    scripts: int  # <script> elements and on*= handlers inside the page content


def read(tree: LexborHTMLParser, url: str) -> BuiltPage:
    ids = frozenset(filter(None, (node.attributes.get("id") for node in tree.css("[id]"))))
    article = tree.css_first("article")
    links: list[str] = []
    scripts = 0
    if article is not None:
        for node in article.css("a[href], img[src], iframe[src], source[src], link[href]"):
            links.append(node.attributes.get("href") or node.attributes.get("src") or "")
        scripts = len(article.css("script")) + sum(
            any(name.lower().startswith("on") for name in node.attributes) for node in article.css("*")
        )
    return BuiltPage(url=url, ids=ids, links=tuple(links), scripts=scripts)


def check(site: Site, site_dir: Path) -> list[Diagnostic]:
    pages: dict[str, BuiltPage] = {}  # by file, e.g. 'es/rights/at-home/index.html'
    views: dict[str, budget.FirstView] = {}
    kept = budget.kept_sizes()
    weigher = budget.Weigher(site_dir, kept)
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        tree = LexborHTMLParser(path.read_bytes())
        pages[rel] = read(tree, rel.removesuffix("index.html"))
        views[rel] = weigher.first_view(rel, tree)
    kept.save()
    findings = []
    for rel, page in pages.items():
        view = views[rel]
        source = site.source_of_url(page.url)
        if view.total > budget.LIMIT:
            findings.append(
                Diagnostic(
                    site.show(source) if source else rel,
                    1,
                    "H069",
                    f"the first view of /{page.url} is {view.total / 1000:.1f} KB compressed, over "
                    f"the {budget.LIMIT / 1000:.0f} KB budget; heaviest: {view.heaviest()}",
                    "shorten or split the page, or load what readers do not need at once only when they ask for it",
                )
            )
        if source is None:
            continue  # theme pages (404) have no content of an editor's
        shown, lines = site.show(source), source.read_text(encoding="utf-8").splitlines()
        if page.scripts:
            findings.append(
                Diagnostic(
                    shown,
                    1,
                    "H067",
                    f"the built page /{page.url} runs a script from its content",
                    "pages hold text and links only; remove <script> and on…= attributes",
                )
            )
        stand_in = _is_stand_in(site, page.url, source)
        for href in page.links:
            problem = _problem(href, page, pages, site_dir, site if stand_in else None)
            if problem:
                code, message, hint = problem
                findings.append(Diagnostic(shown, _line_of(href, lines), code, message, hint))
    return findings


def _is_stand_in(site: Site, url: str, source: Path) -> bool:
    """Whether the built page is an English page shown in place of a missing translation."""
    lang = url.partition("/")[0]
    return lang in site.codes and lang != site.default.code and _written_in_english(site, source)


def _into_translation(stand_in_of: Site | None, url: str) -> bool:
    """From an English stand-in, whether the linked page is a translation (its anchors are its own)."""
    return stand_in_of is not None and not _written_in_english(stand_in_of, stand_in_of.source_of_url(url))


def _written_in_english(site: Site, source: Path | None) -> bool:
    return source is not None and source.relative_to(site.docs_dir).parts[0] == site.default.code


def _problem(href: str, page: BuiltPage, pages: dict[str, BuiltPage], site_dir: Path, stand_in_of: Site | None = None):
    """What is wrong with one link of a built page; `stand_in_of` is the site when the page is an English
    stand-in, whose anchors into translated pages name English headings the translation does not have."""
    scheme = schemes.scheme(href)
    if scheme:
        if schemes.is_unsafe(href):
            return (
                "H066",
                f"the built page /{page.url} has a {scheme}: link, which can run code",
                "link to a page or an https:// address instead",
            )
        return None  # other schemes are checked in the sources; external links with --external
    if href.startswith("//"):
        return None
    file = budget.site_file(href, page.url)
    if file is None:  # another site's
        return None
    path, fragment = file.removesuffix("index.html"), unquote(urlsplit(href).fragment)
    built = pages.get(file) or pages.get(file + "/index.html")
    if built is None:
        if (site_dir / path).is_file():
            return None  # an image or a download
        return (
            "H060",
            f"the built page /{page.url} links to /{path}, which does not exist",
            "link to the page's .md file; a page missing in a language is served from English",
        )
    if fragment and fragment not in built.ids and not _into_translation(stand_in_of, built.url):
        return (
            "H061",
            f"the built page /{page.url} links to #{fragment} on /{built.url}, which has no such anchor",
            "copy the anchor from the heading's ¶ link on the built page",
        )
    return None


def _line_of(href: str, lines: list[str]) -> int:
    """The first source line that holds the link as written (or its last path part)."""
    return line_holding(lines, [href, href.split("#")[0].rstrip("/").rsplit("/", 1)[-1] or href])
