"""The checks of the sources alone: front matter, strings, translations, citations, links, the glossary.

`haven check` imports this module only once the check of the built pages has started on the other core
(haven.checks.check): what it loads, pydantic and the data files' models above all, takes 0.11 s, which that
core then spends on the built pages.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from urllib.parse import urlsplit

from haven.checks import citations, glossary, links
from haven.checks.markdown_ids import MarkdownIds
from haven.core.alongside import Alongside
from haven.core.diagnostics import Diagnostic
from haven.sources import addresses, directory, stories, translations, urgent
from haven.sources import content as content_module
from haven.sources.datafiles import DataFiles
from haven.sources.site import Site


def sources(site: Site, today: datetime.date, strict: bool = False, external: bool = False) -> list[Diagnostic]:
    """Findings about the sources alone."""
    return read(site, today, strict, external)[1]


def read(
    site: Site, today: datetime.date, strict: bool, external: bool
) -> tuple[content_module.Content, list[Diagnostic]]:
    """The content as read, and the findings about it (the built site's check needs both)."""
    files = DataFiles(site)
    content, findings = content_module.collect(site, files)
    # The glossary's words are looked for on another core while the other checks run: it is the longest of them.
    with Alongside(lambda: glossary.findings(content, strict)) as words:
        findings += translations.findings(content, today, strict)
        findings += citations.findings(content, today, strict)
        findings += urgent.findings(site, content.urgent, today)
        findings += directory.findings(site, content.directory, today)
        findings += stories.review_findings(content, today)
        host = urlsplit(site.site_url or "").hostname
        findings += links.check(content, MarkdownIds(site), host)
        findings += links.check_data(files, host)
        findings += words.result()
    if external:
        from haven.checks import externals  # urllib's HTTP machinery: only when other sites are visited

        cache = site.root / ".cache" / "haven-external.json"
        findings += externals.check(links.external(content), cache, datetime.datetime.now(datetime.UTC))
    return content, sorted(findings)


def published(content: content_module.Content, site_dir: Path, today: datetime.date) -> list[Diagnostic]:
    """Findings about the addresses the built site in `site_dir` publishes."""
    return addresses.findings(content.addresses, content.site, site_dir, stories.unpublished(content, today))
