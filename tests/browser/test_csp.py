"""The site's Content-Security-Policy in Chromium, with the headers of its `_headers` as Netlify and
Cloudflare Pages send them and the policy every page carries: no violation, no script error and no
request to another host on any kind of page in any language, with the search opened and a word typed,
the language menu used, and the share bar's script copying the link and opening the flyer."""

from __future__ import annotations

import json
import shutil

import pytest

from browser.phone import strings
from haven.checks import verify
from haven.publish import finishing, policy, redirects, searchindex
from haven.publish.serving import Server
from haven.sources import addresses
from haven.sources.models import Redirect
from test_real_site import SITE

pytestmark = pytest.mark.browser

LANGUAGES = list(SITE.codes)
# The kinds of page, but a topic: a moved page's old address leads there (MOVED), where the search, the
# share bar and the language menu are used.
PAGES = ["", "help/legal-help/", "stories/", "stories/kenault/", "rights-card/", "offline/", "about/", "404.html"]
MOVED = Redirect(old="rights/raids.md", new="rights/at-home.md")  # as data/redirects.yml would name it
TOPIC = addresses.page_url(MOVED.new)
# The flyer opened and printed to PDF (the print stylesheet's QR code is a data: image); elsewhere the link
# is copied only, which is what takes the share bar's script.
FLYERS = ["en", "es", "ar"]


@pytest.fixture(scope="module")
def site_with_a_moved_page(real_site, tmp_path_factory):
    """The real site, plus the pages a moved page leaves at its old address in every language, with their
    policy, as the build writes them (haven/publish/finishing.py: those pages, then every page's policy)."""
    site_dir, _ = real_site
    copy = tmp_path_factory.mktemp("csp") / "site"
    shutil.copytree(site_dir, copy)
    moved = redirects.pages(SITE, addresses.Addresses(redirects=((MOVED, 1),)))
    redirects.write(copy, {page: policy.with_policy(html)[0] for page, html in moved.items()})
    server = Server(copy)
    yield copy, server.url
    server.close()


def prefix(lang: str) -> str:
    return SITE.language(lang).prefix


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_policy_violation_on_any_kind_of_page_or_action(browser, site_with_a_moved_page, lang):
    site_dir, base = site_with_a_moved_page
    reader = verify.Reader(browser, base, settle_ms=0)
    reader.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = reader.page
    home = base + prefix(lang)
    for path in PAGES:
        assert reader.visit(home + path), path
    if lang == SITE.default.code:
        assert reader.visit(base + finishing.STATUS_PAGE.removesuffix("index.html"))
    # A moved page's old address sends the reader on, to the topic.
    assert reader.visit(home + addresses.page_url(MOVED.old))
    page.wait_for_url(home + TOPIC)
    reader.settle()

    # Search: Material's script, its stylesheet, the worker and its stemmers load under the policy.
    index = json.loads((site_dir / prefix(lang) / searchindex.INDEX).read_text(encoding="utf-8"))
    assert reader.search(verify.search_word(index)) > 0
    page.keyboard.press("Escape")

    # Share: the link copied; the flyer opened, its print dialog asked for, and printed.
    page.locator("button[data-haven-share=copy]").click()
    page.locator(".haven-share__status").filter(has_text=strings(lang)["share"]["copied"]).wait_for()
    if lang in FLYERS:
        page.evaluate("() => { window.print = () => document.documentElement.setAttribute('data-printed', ''); }")
        page.locator("a[data-haven-share=flyer]").click()
        page.locator("html[data-printed]").wait_for(state="attached")
        page.locator("#haven-flyer .haven-qr").wait_for()
        page.pdf(format="Letter")
    reader.settle()

    # The language menu leads to the same page in the next language.
    other = LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]
    page.locator(".md-header .md-select button").click()
    page.locator(f'.md-select__link[hreflang="{other}"]').click()
    page.wait_for_url(base + prefix(other) + TOPIC)
    reader.settle()
    reader.close()
    assert reader.problems == []
