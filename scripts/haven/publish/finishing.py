"""What is done to the whole built site once every language is in it.

The sequential build (one MkDocs process, mkdocs-static-i18n building each
language in turn) and the parallel build (languages built in separate
processes, then merged) both end here, so they publish the same site.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from haven.core.diagnostics import DiagnosticsError, Severity
from haven.publish import assets, builtpages, offline, policy, redirects, searchindex, securitytxt, status, unusedcss
from haven.sources import addresses, clock, stories
from haven.sources.content import Content

STATUS_PAGE = "editors/status/index.html"  # for editors; no link to it from readers' pages


def finish(
    content: Content,
    site_dir: Path,
    stylesheet: str,
    built: tuple[str, ...] | None = None,
    live_reload: bool = False,
    each: Callable = map,
) -> None:
    """The editors' translation-status page, one search index per language, Material's CSS cut to what
    the pages use, the pages that keep moved pages' old addresses working, the offline packs, security.txt,
    and every page's Content-Security-Policy with the headers that go with it.

    `stylesheet` is Material's stylesheet as the pages name it (assets/stylesheets/main.<hash>.min.css).
    `built` names the languages built when a preview builds only some (make serve LANG=es).
    `live_reload`: served by `mkdocs serve`, which adds its live-reload script to every page; the pages then
    get no Content-Security-Policy, which would block it.
    `each` maps the per-language steps over the languages: a process pool's map runs them in parallel.
    """
    # First: a wrong contact stops the build before the slower steps.
    today = clock.today(content.site)
    securitytxt.write(site_dir, content.site, today)
    preview = built is not None and set(built) != set(content.site.codes)
    site = content.site.only(built) if built is not None and preview else content.site
    redirects.write(site_dir, redirects.pages(site, content.addresses))
    # A preview publishes nothing, and lacks the other languages' addresses on purpose.
    if not preview:
        # Raised as it is, so `haven build` and `haven check` name each lost address with its line.
        withdrawn = stories.unpublished(content, today)
        lost = [
            d for d in addresses.findings(content.addresses, site, site_dir, withdrawn) if d.severity is Severity.ERROR
        ]
        if lost:
            raise DiagnosticsError(lost)
    searchindex.split(site, site_dir)
    target = site_dir / STATUS_PAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(status.as_html_page(content), encoding="utf-8")
    pages = builtpages.read(site_dir)
    unusedcss.cut(site_dir, stylesheet, unusedcss.site_tokens(page.tree for page in pages))
    policies = None if live_reload else policy.read(pages, lambda page: _shown_source(content, page))
    offline.fill_sizes(site, pages, offline.pack_all(site, site_dir, pages, each))  # the packs read the trees last
    assets.check(site_dir, content.site)
    # Given last, so the packs are left without a policy: opened from the reader's own files, no host can add
    # to them, and browsers disagree on what 'self' is for file:// pages (Firefox gives each file an origin
    # of its own), so a policy could block the pack's own scripts.
    if policies is not None:
        policy.write(site_dir, pages, policies)
    builtpages.write(site_dir, pages)


def _shown_source(content: Content, page: str) -> str:
    """The Markdown file a built page ('es/about/index.html') came from, as editors see it; else the page."""
    source = content.site.source_of_url(page.removesuffix("index.html"))
    return content.site.show(source) if source else page
