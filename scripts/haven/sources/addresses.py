"""Addresses that last. Printed QR codes and shared links live for years, so every address the site has
published keeps leading somewhere.

data/published-urls.txt lists them, one per line (`haven addresses` adds new pages after a build).
data/redirects.yml says where a moved or renamed page went: the build writes a small page at the old
address, in every language, that sends the reader on. The build and `haven check` stop when a published
address would lead nowhere.

Why not mkdocs-redirects: it maps the addresses of one docs folder, while mkdocs-static-i18n builds each
language from its own folder, and a moved page must keep its old address in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from haven.core.diagnostics import COMMAND, Diagnostic, DiagnosticsError, Severity
from haven.core.textfile import read_text
from haven.sources.datafiles import DataFiles
from haven.sources.models import Redirect, Redirects, validate
from haven.sources.site import Site

PUBLISHED = "published-urls.txt"  # in data/
REDIRECTS = "redirects.yml"  # in data/
_NOT_PAGES = ("editors/",)  # the editors' status page is not for readers to keep


@dataclass(frozen=True)
class Addresses:
    published: tuple[tuple[str, int], ...] = ()  # (site-relative address, its line)
    redirects: tuple[tuple[Redirect, int], ...] = ()  # (redirect, its line)
    published_path: str = f"data/{PUBLISHED}"
    redirects_path: str = f"data/{REDIRECTS}"
    keeps_list: bool = False  # the site has a published list (a new site starts without one)


def page_url(rel: str) -> str:
    """The address of a page inside a language: 'rights/at-home.md' -> 'rights/at-home/', 'index.md' -> ''."""
    stem = rel.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def load(site: Site, files: DataFiles | None = None) -> tuple[Addresses, list[Diagnostic]]:
    data = site.strings_dir.parent
    published_file, redirects_file = data / PUBLISHED, data / REDIRECTS
    shown_published, shown_redirects = site.show(published_file), site.show(redirects_file)
    problems: list[Diagnostic] = []
    published = []
    if published_file.exists():
        for number, line in enumerate(read_text(published_file, shown_published).splitlines(), 1):
            address = line.strip()
            if not address or address.startswith("#"):
                continue
            if ":" in address or not address.startswith("/") or ".." in address.split("/"):
                problems.append(
                    Diagnostic(
                        shown_published,
                        number,
                        "H091",
                        f"'{address}' is not an address inside this site",
                        "write it as the browser shows it after the site's domain, e.g. /es/rights/at-home/",
                    )
                )
                continue
            published.append((address.removeprefix("/"), number))
    redirects: list[tuple[Redirect, int]] = []
    if redirects_file.exists():
        try:
            doc = (files or DataFiles(site)).read(redirects_file)
        except DiagnosticsError as exc:
            return (
                Addresses(tuple(published), (), shown_published, shown_redirects, published_file.exists()),
                problems + exc.diagnostics,
            )
        model, found = validate(Redirects, doc, "redirects file")
        problems += found
        english = site.docs_dir / site.default.code
        for i, redirect in enumerate(model.redirects if model else []):
            at = doc.line_of(("redirects", i))
            if not (english / redirect.new).is_file():
                problems.append(
                    Diagnostic(
                        shown_redirects,
                        doc.line_of(("redirects", i, "to")),
                        "H092",
                        f"{redirect.new} is not an English page",
                        "give the page's path inside docs/en/, e.g. rights/at-home.md",
                    )
                )
            if (english / redirect.old).is_file():
                problems.append(
                    Diagnostic(
                        shown_redirects,
                        doc.line_of(("redirects", i, "from")),
                        "H093",
                        f"{redirect.old} is still a page: its address cannot also send readers elsewhere",
                        "remove this redirect, or move the page first",
                    )
                )
            redirects.append((redirect, at))
    return (
        Addresses(tuple(published), tuple(redirects), shown_published, shown_redirects, published_file.exists()),
        problems,
    )


def _resolves(site_dir: Path, address: str) -> bool:
    return (
        (site_dir / address / "index.html").is_file()
        if address.endswith("/") or not address
        else (site_dir / address).is_file()
    )


def findings(
    addresses: Addresses, site: Site, site_dir: Path, withdrawn: frozenset[str] = frozenset()
) -> list[Diagnostic]:
    """Published addresses that lead nowhere in the built site (errors), and built pages not yet listed (warnings).

    `withdrawn` pages (stories whose consent was withdrawn, by path inside docs/en/) are gone on purpose.
    """
    gone = {language.prefix + page_url(rel) for rel in withdrawn for language in site.languages}
    problems = [
        Diagnostic(
            addresses.published_path,
            line,
            "H094",
            f"/{address} was published (it may be printed on flyers or shared), and the site no longer has it",
            f"if the page moved, add it to data/{REDIRECTS}; never delete a published address",
        )
        for address, line in addresses.published
        if address not in gone and not _resolves(site_dir, address)
    ]
    listed = {address for address, _ in addresses.published}
    unlisted = [address for address in built_pages(site_dir) if address not in listed] if addresses.keeps_list else []
    problems += [
        Diagnostic(
            addresses.published_path,
            1,
            "H095",
            f"/{address} is published but not in the list of published addresses",
            f"run '{COMMAND} addresses' to add every new page",
            Severity.WARNING,
        )
        for address in unlisted
    ]
    return problems


def built_pages(site_dir: Path) -> list[str]:
    """The readers' pages of a built site, by address."""
    found = (path.relative_to(site_dir).as_posix().removesuffix("index.html") for path in site_dir.rglob("index.html"))
    return sorted(address for address in found if not address.startswith(_NOT_PAGES))


def with_new_pages(text: str, site_dir: Path) -> str:
    """The published list's text with the built site's unlisted pages added at its end."""
    listed = {line.strip() for line in text.splitlines()}
    new = [f"/{address}" for address in built_pages(site_dir) if f"/{address}" not in listed]
    if text and not text.endswith("\n"):
        text += "\n"
    return text + "".join(f"{address}\n" for address in new)
