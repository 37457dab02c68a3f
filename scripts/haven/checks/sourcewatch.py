"""`haven sources`: visit every source the pages and the directory cite, and say which
no longer supports them: the address fails, it now leads somewhere else, or the
quoted sentence is no longer on it.

Sources are fetched with httpx, a few at a time and one at a time per host, each
within a timeout and read only up to a size limit, so one slow or huge site never
holds up the rest. HTML is read with selectolax and PDF with pdfium (pypdfium2),
the parsers the build and the tests already use.
"""

from __future__ import annotations

import asyncio
import os
import re
import ssl
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import certifi
import httpx
import pypdfium2
from selectolax.lexbor import LexborHTMLParser

from haven.core.diagnostics import Diagnostic
from haven.sources.content import Content

TIMEOUT = 20.0  # seconds for one source, from the first byte asked to the last read
MAX_BYTES = 8 * 1024 * 1024  # a source is read up to this size; Federal Register PDFs fit
AT_ONCE = 8  # sources fetched at the same time, never two from one host
USER_AGENT = "Haven source check (a know-your-rights site checking the pages it cites)"


@dataclass(frozen=True)
class Citation:
    """One source as a page or a directory entry cites it."""

    path: str
    line: int
    url: str
    quote: str | None = None


def citations(content: Content, files: Iterable[Path] = ()) -> list[Citation]:
    """Every cited source, or only those of the given pages and directory files."""
    wanted = {Path(f).resolve() for f in files}
    found = []
    for page in sorted(content.pages.values(), key=lambda p: p.path):
        if wanted and page.path.resolve() not in wanted:
            continue
        shown = content.site.show(page.path)
        found += [
            Citation(shown, line, source.url, source.quote)
            for source, line in zip(page.meta.sources, page.source_lines, strict=False)
        ]
    for entry in content.directory.entries:
        if wanted and (content.site.root / entry.path).resolve() not in wanted:
            continue
        organization = entry.organization
        urls = [*organization.sources, *(phone.source for phone in organization.phones)]
        found += [Citation(entry.path, entry.line, url) for url in dict.fromkeys(urls)]
    return found


def normalize(text: str) -> str:
    """Text as a quote is compared: the same letters, whatever the spacing, quote marks or hyphenation."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = re.sub(r"[\u2018\u2019\u201a\u201b\u2032]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f\u2033]", '"', text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)  # a word broken across lines
    return " ".join(text.split()).casefold()


def page_text(body: bytes, content_type: str) -> str:
    if "pdf" in content_type or body[:5] == b"%PDF-":
        document = pypdfium2.PdfDocument(body)
        try:
            text = "\n".join(page.get_textpage().get_text_range() for page in document)
            # pdfium writes a hyphen that breaks a word at a line's end as U+FFFE (U+0002 in older builds).
            return re.sub("[\ufffe\x02]\\s*", "", text)
        finally:
            document.close()
    if "html" in content_type or body.lstrip()[:1] == b"<":
        tree = LexborHTMLParser(body.decode("utf-8", "replace"))
        for node in tree.css("script, style, noscript"):
            node.decompose()
        return tree.body.text(separator=" ") if tree.body else tree.text(separator=" ")
    return body.decode("utf-8", "replace")


def _moved(asked: str, final: str) -> bool:
    """A redirect that leaves the page: not http to https, nor a trailing slash or a www. prefix."""
    a, b = urlsplit(asked), urlsplit(final)
    host = lambda parts: (parts.hostname or "").removeprefix("www.")  # noqa: E731
    return host(a) != host(b) or a.path.rstrip("/") != b.path.rstrip("/")


def certificates() -> ssl.SSLContext:
    """The usual certificate settings: SSL_CERT_FILE or SSL_CERT_DIR when set (a network with its own
    certificate authority), otherwise certifi's authorities."""
    cafile, capath = os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR")
    if cafile or capath:
        return ssl.create_default_context(cafile=cafile, capath=capath)
    return ssl.create_default_context(cafile=certifi.where())


async def _read(client: httpx.AsyncClient, url: str) -> tuple[str, int, str, bytes]:
    """(final address, status, content type, body up to MAX_BYTES)."""
    async with client.stream("GET", url) as response:
        body = bytearray()
        async for chunk in response.aiter_bytes():
            body += chunk
            if len(body) >= MAX_BYTES:
                break
        return (
            str(response.url),
            response.status_code,
            response.headers.get("content-type", ""),
            bytes(body[:MAX_BYTES]),
        )


async def _visit(client: httpx.AsyncClient, url: str) -> tuple[str | None, str | None, str]:
    """(problem, where it moved, text) for one address."""
    try:
        final, status, kind, body = await asyncio.wait_for(_read(client, url), TIMEOUT)
    except (TimeoutError, httpx.TimeoutException):
        return f"did not answer within {TIMEOUT:.0f} seconds", None, ""
    except httpx.HTTPError as exc:
        return f"could not be reached ({type(exc).__name__}: {exc})", None, ""
    if status >= 400:
        return f"answered HTTP {status}", None, ""
    try:
        text = page_text(body, kind.lower())
    except pypdfium2.PdfiumError:
        return "sent a PDF that cannot be read", None, ""
    return None, final if _moved(url, final) else None, text


async def _visit_all(urls: list[str]) -> dict[str, tuple[str | None, str | None, str]]:
    results: dict[str, tuple[str | None, str | None, str]] = {}
    hosts: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
    slots = asyncio.Semaphore(AT_ONCE)
    async with httpx.AsyncClient(
        verify=certificates(), follow_redirects=True, timeout=TIMEOUT, headers={"user-agent": USER_AGENT}
    ) as client:

        async def one(url: str) -> None:
            async with hosts[urlsplit(url).hostname or ""], slots:
                results[url] = await _visit(client, url)

        await asyncio.gather(*(one(url) for url in urls))
    return results


def check(found: list[Citation]) -> list[Diagnostic]:
    """One finding per citation that its source no longer supports."""
    # In a thread of its own: asyncio.run refuses to start where an event loop already runs (a caller that
    # drives Playwright's sync API, or a notebook).
    with ThreadPoolExecutor(max_workers=1) as thread:
        visited = thread.submit(asyncio.run, _visit_all(list(dict.fromkeys(c.url for c in found)))).result()
    result = []
    for citation in found:
        problem, moved, text = visited[citation.url]
        if problem:
            result.append(
                Diagnostic(
                    citation.path,
                    citation.line,
                    "H110",
                    f"the source {citation.url} {problem}",
                    "open it in a browser; if the page moved, cite its new address, and if it is "
                    "gone, find another page that says the same or remove what rests on it",
                )
            )
            continue
        if moved:
            result.append(
                Diagnostic(
                    citation.path,
                    citation.line,
                    "H111",
                    f"the source {citation.url} now leads to {moved}",
                    "check that the new page still says the same, then cite its address",
                )
            )
        if citation.quote and normalize(citation.quote) not in normalize(text):
            result.append(
                Diagnostic(
                    citation.path,
                    citation.line,
                    "H112",
                    f"the quoted sentence is no longer on {citation.url}",
                    "read the page: if it changed what it says, change the page that cites it "
                    "(and raise legal_version); if it only reworded it, copy the new sentence "
                    "into quote:",
                )
            )
    return result
