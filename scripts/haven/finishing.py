"""What is done to the whole built site once every language is in it.

The sequential build (one MkDocs process, mkdocs-static-i18n building each
language in turn) and the parallel build (languages built in separate
processes, then merged) both end here, so they publish the same site.
"""

from __future__ import annotations

from pathlib import Path

from haven import addresses, clock, offline, searchindex, status, stories, unusedcss
from haven.content import Content
from haven.diagnostics import DiagnosticsError, Severity

STATUS_PAGE = "editors/status/index.html"  # for editors; no link to it from readers' pages


def finish(content: Content, site_dir: Path, stylesheet: str) -> None:
    """The editors' translation-status page, one search index per language, Material's CSS cut to what
    the pages use, the pages that keep moved pages' old addresses working, and the offline packs.

    `stylesheet` is Material's stylesheet as the pages name it (assets/stylesheets/main.<hash>.min.css).
    """
    addresses.write_redirects(site_dir, addresses.redirect_pages(content.site, content.addresses))
    # Raised as it is, so `haven build` and `haven check` name each lost address with its line.
    withdrawn = stories.unpublished(content, clock.today())
    lost = [d for d in addresses.findings(content.addresses, content.site, site_dir, withdrawn)
            if d.severity is Severity.ERROR]
    if lost:
        raise DiagnosticsError(lost)
    searchindex.split(content.site, site_dir)
    target = site_dir / STATUS_PAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(status.as_html_page(status.compute(content)), encoding="utf-8")
    unusedcss.cut(site_dir, stylesheet)
    offline.fill_sizes(site_dir, offline.pack_all(content.site, site_dir))  # last: it packs the finished pages
