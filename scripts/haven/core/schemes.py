"""What a link's scheme means for a reader: safe, insecure, unsafe, or not dialable.

One set of rules for links in pages, in data files and in built HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

UNSAFE = ("javascript", "vbscript", "data")
CONTROL = re.compile(r"[\x00-\x20\x7f]")  # browsers drop these from a URL
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_TEL = re.compile(r"^\+?[0-9][0-9().\- ]*$")
_MAILTO = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")

Problem = tuple[str, str, str]  # code, message, hint


def scheme(url: str) -> str:
    """A link's scheme as a browser reads it ('javascript' in 'Java\tscript:…'), or ''."""
    match = _SCHEME.match(CONTROL.sub("", url).lower())
    return match.group(1) if match else ""


def is_unsafe(url: str) -> bool:
    """Whether following the link runs code instead of opening a page."""
    return scheme(url) in UNSAFE


def problem(url: str, site_host: str | None) -> Problem | None:
    """What is wrong with a link that has a scheme (https:, tel:, …) or starts with '/'."""
    scheme_ = scheme(url)
    if scheme_ in UNSAFE:
        return (
            "H066",
            f"unsafe link '{url[:40]}': {scheme_}: links can run code",
            "link to a page or an https:// address instead",
        )
    if scheme_ == "http" or url.startswith("//"):
        return (
            "H064",
            f"insecure link {url}",
            "use the https:// address; readers' connections must not be readable by others",
        )
    if scheme_ == "tel":
        number = url[4:]
        if not _TEL.match(number) or not 3 <= len(re.sub(r"\D", "", number)) <= 15:
            return (
                "H065",
                f"the phone link '{url}' cannot be dialled",
                "write it as tel:+ country code and digits, e.g. tel:+18008987180",
            )
    elif scheme_ == "mailto":
        if not _MAILTO.match(unquote(url[7:].split("?", 1)[0])):
            return ("H065", f"the email link '{url}' has no valid address", "write it as mailto:name@example.org")
    elif scheme_ == "https":
        if site_host and urlsplit(url).hostname == site_host:
            return (
                "H063",
                f"link to this site by its full address: {url}",
                "link to the page's .md file instead, so it works in every language and offline",
            )
    elif not scheme_ and url.startswith("/"):
        return (
            "H063",
            f"absolute link {url}",
            "link to the page's .md file with a relative path, e.g. ../rights/at-home.md",
        )
    return None


# Values in data files that are links: a known scheme, or '//'.
_DATA_LINK = re.compile(r"^\s*(//|(https?|tel|mailto|javascript|vbscript|data|ftp)\s*:)", re.IGNORECASE)


def data_problems(data, site_host: str | None) -> list[tuple[tuple, Problem]]:
    """Links among a data file's values, with their place: the same rules as in pages."""
    found = []
    for loc, value in _values(data, ()):
        url = html.unescape(value).strip()
        if _DATA_LINK.match(CONTROL.sub("", url)):
            problem_ = problem(url, site_host)
            if problem_:
                found.append((loc, problem_))
    return found


def _values(data, loc: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _values(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _values(value, (*loc, index))
    elif isinstance(data, str):
        yield loc, data
