"""MkDocs' own warnings, said once each in Haven's `path:line: CODE message (hint: …)`.

Each language is built on its own, so MkDocs warns about an English page once per language, in its own
words and without a line; the strict build then fails with "Aborted with N warnings". The warnings an
editor causes (a link to no page, an anchor a page lacks, a page left out of `nav:`) are read back here
from MkDocs' messages (mkdocs/structure/pages.py and nav.py of MkDocs 1.6, whose wording they match) and
become findings at the line of the source file; any other warning becomes one finding in MkDocs' words.
"""

from __future__ import annotations

import re

from haven.core.diagnostics import Diagnostic, line_holding
from haven.sources.site import Site

# MkDocs adds " Did you mean 'x'?" to a link warning when another file fits.
_SUGGESTION = r"(?: Did you mean '(?P<suggest>[^']*)'\?)?"
_LINK = re.compile(
    r"Doc file '(?P<src>[^']+)' contains a link '(?P<link>[^']+)', but the target"
    r"(?: '[^']+')? is not found among documentation files\." + _SUGGESTION
)
_ABSOLUTE = re.compile(
    r"Doc file '(?P<src>[^']+)' contains an absolute link '(?P<link>[^']+)', it was left as "
    r"is\." + _SUGGESTION
)
_FOLDER = re.compile(
    r"Doc file '(?P<src>[^']+)' contains an unrecognized relative link '(?P<link>[^']+)', it was "
    r"left as is\." + _SUGGESTION
)
_ANCHOR = re.compile(
    r"Doc file '(?P<src>[^']+)' contains a link '(?P<link>[^']+)', but (?:the doc "
    r"'(?P<target>[^']+)' does not contain an anchor|there is no such anchor on this page)"
)
_NAV = re.compile(
    r'The following pages exist in the docs directory, but are not included in the "nav" '
    r"configuration:\n(?P<pages>(?:  - .+\n?)+)"
)
_NAV_MISSING = re.compile(
    r"A reference to '(?P<link>[^']+)' is included in the 'nav' configuration, which is not "
    r"found in the documentation files\."
)
_FINDING_AGAIN = re.compile(r"Error (reading|building) page '[^']*': \S+:\d+: H\d{3} ")
_ABOUT_A_PAGE = re.compile(r"Doc file '(?P<src>[^']+)'")
_LINK_HINT = "link to the page's .md file with a relative path, e.g. ../rights/at-home.md"
# MkDocs' link warnings: its message, Haven's code, what Haven says, and the hint when MkDocs suggests nothing.
_LINK_WARNINGS = (
    (
        _LINK,
        "H060",
        "the link '{link}' leads to no page",
        "check the file name and the folder; link to the page's .md file",
    ),
    (_FOLDER, "H060", "the link '{link}' leads to a folder or an address, not to a page's file", _LINK_HINT),
    (
        _ABSOLUTE,
        "H063",
        "the link '{link}' starts with '/': it leaves the reader's language, and does not work offline",
        _LINK_HINT,
    ),
)


def findings(message: str, site: Site) -> list[Diagnostic] | None:
    """The findings a warning of MkDocs' about the sources stands for, or None for another warning."""
    if is_finding_again(message):
        return []
    for pattern, code, said, hint in _LINK_WARNINGS:
        if match := pattern.fullmatch(message):
            link = match["link"]
            return [_at_link(site, match["src"], link, code, said.format(link=link), _hint(match, hint))]
    if match := _ANCHOR.match(message):
        page = match["target"] or match["src"]
        if _stand_in_to_translation(site, match["src"], page):
            return []
        return [
            _at_link(
                site,
                match["src"],
                match["link"],
                "H061",
                f"the link '{match['link']}' leads to an anchor docs/{page} does not have",
                "copy the anchor from the heading's ¶ link on the built page",
            )
        ]
    if match := _NAV.fullmatch(message):
        return [
            Diagnostic(
                site.show(site.docs_dir / src),
                1,
                "H026",
                "this page is in no menu: mkdocs.yml's nav: does not list it",
                f"add it under nav: in mkdocs.yml, e.g. '- {site.split_src(src)[1]}', where readers would look for it",
            )
            for src in (line.removeprefix("  - ").strip() for line in match["pages"].splitlines())
        ]
    if match := _NAV_MISSING.fullmatch(message):
        lines = site.config_path.read_text(encoding="utf-8").splitlines()
        return [
            Diagnostic(
                site.show(site.config_path),
                line_holding(lines, [match["link"]]),
                "H029",
                f"nav: lists {match['link']}, which is not a page of docs/{site.default.code}/",
                "check the file name and the folder, or add the page",
            )
        ]
    return None


def is_finding_again(message: str) -> bool:
    """MkDocs names the page whose reading a Haven finding stopped, with the finding: the finding is shown
    once, in the report."""
    return bool(_FINDING_AGAIN.match(message))


def unknown(message: str, site: Site) -> Diagnostic:
    """Any other warning, which the strict build counts as an error: in MkDocs' words, at the page it names
    (else at mkdocs.yml), once however many languages repeat it."""
    match = _ABOUT_A_PAGE.match(message)
    path = site.show(site.docs_dir / match["src"]) if match else site.show(site.config_path)
    return Diagnostic(
        path,
        1,
        "H090",
        f"MkDocs: {' '.join(message.split())}",
        "the build stops on MkDocs' warnings; fix what it names, or ask a maintainer",
    )


def _hint(match: re.Match, otherwise: str) -> str:
    return f"did you mean '{match['suggest']}'?" if match["suggest"] else otherwise


def _stand_in_to_translation(site: Site, src: str, target: str) -> bool:
    """An English page shown in place of a missing translation links into a page that is translated, whose
    headings have anchors of their own: the reader lands at the top of the translation. Not a mistake."""
    return site.split_src(src)[0] == site.default.code and site.split_src(target)[0] != site.default.code


def _at_link(site: Site, src: str, link: str, code: str, message: str, hint: str) -> Diagnostic:
    path = site.docs_dir / src
    line = 1
    if path.is_file():
        line = next(
            (
                number
                for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if link in text or (link.partition("#")[0] and link.partition("#")[0] in text)
            ),
            1,
        )
    return Diagnostic(site.show(path), line, code, message, hint)
