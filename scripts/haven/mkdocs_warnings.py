"""MkDocs' own warnings, said once each in Haven's `path:line: CODE message (hint: …)`.

Each language is built on its own, so MkDocs warns about an English page once per language, in its own
words and without a line; the strict build then fails with "Aborted with N warnings". The warnings an
editor causes (a link to no page, an anchor a page lacks, a page left out of `nav:`) are read back here
from MkDocs' messages (mkdocs/structure/pages.py and nav.py of MkDocs 1.6, whose wording they match) and
become findings at the line of the source file; others are shown as MkDocs wrote them.
"""

from __future__ import annotations

import re

from haven.diagnostics import Diagnostic
from haven.site import Site

_LINK = re.compile(r"Doc file '(?P<src>[^']+)' contains a link '(?P<link>[^']+)', but the target"
                   r"(?: '[^']+')? is not found among documentation files\.")
_ANCHOR = re.compile(r"Doc file '(?P<src>[^']+)' contains a link '(?P<link>[^']+)', but (?:the doc "
                     r"'(?P<target>[^']+)' does not contain an anchor|there is no such anchor on this page)")
_NAV = re.compile(r'The following pages exist in the docs directory, but are not included in the "nav" '
                  r"configuration:\n(?P<pages>(?:  - .+\n?)+)")


def findings(message: str, site: Site) -> list[Diagnostic] | None:
    """The findings a warning of MkDocs' stands for, or None for a warning Haven does not know."""
    if match := _LINK.fullmatch(message):
        return [_at_link(site, match["src"], match["link"], "H060", f"the link '{match['link']}' leads to no page",
                         "check the file name and the folder; link to the page's .md file")]
    if match := _ANCHOR.match(message):
        page = match["target"] or match["src"]
        if _stand_in_to_translation(site, match["src"], page):
            return []
        return [_at_link(site, match["src"], match["link"], "H061",
                         f"the link '{match['link']}' leads to an anchor docs/{page} does not have",
                         "copy the anchor from the heading's ¶ link on the built page")]
    if match := _NAV.fullmatch(message):
        return [Diagnostic(site.show(site.docs_dir / src), 1, "H026", "this page is in no menu: mkdocs.yml's "
                           "nav: does not list it", f"add it under nav: in mkdocs.yml, e.g. "
                           f"'- {site.split_src(src)[1]}', where readers would look for it")
                for src in (line.removeprefix("  - ").strip() for line in match["pages"].splitlines())]
    return None


def _stand_in_to_translation(site: Site, src: str, target: str) -> bool:
    """An English page shown in place of a missing translation links into a page that is translated, whose
    headings have anchors of their own: the reader lands at the top of the translation. Not a mistake."""
    return site.split_src(src)[0] == site.default.code and site.split_src(target)[0] != site.default.code


def _at_link(site: Site, src: str, link: str, code: str, message: str, hint: str) -> Diagnostic:
    path = site.docs_dir / src
    line = 1
    if path.is_file():
        line = next((number for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                     if link in text or link.partition("#")[0] and link.partition("#")[0] in text), 1)
    return Diagnostic(site.show(path), line, code, message, hint)
