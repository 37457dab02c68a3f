"""The stories page on a 360 px phone: each published story in the reader's language, one tap away."""

from __future__ import annotations

import pytest

from browser.phone import Phone, page_width
from conftest import REPO
from haven.sources import content, site

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("javascript", [True, False])
def test_the_story_index_lists_each_story_in_the_readers_language(browser, real_site, javascript):
    _, base = real_site
    pages = content.load(site.load(REPO / "mkdocs.yml"))
    phone = Phone(browser, javascript=javascript)
    for lang in ("en", "es", "ar"):
        prefix = "" if lang == "en" else f"{lang}/"
        title = pages.page(lang, "stories/kenault.md").meta.title
        page = phone.visit(f"{base}{prefix}stories/")
        entries = page.locator(".haven-stories li")
        assert entries.count() == 1, lang  # the story whose consent is pending is not listed
        assert page_width(page) <= 360, lang
        link = page.locator(".haven-stories").get_by_role("link", name=title, exact=True)
        assert link.is_visible(), (lang, title)
        box = link.bounding_box()
        assert box["height"] >= 24, lang  # a tap target a thumb can hit
        link.click()
        page.wait_for_load_state()
        assert page.url == f"{base}{prefix}stories/kenault/", lang
        assert page_width(page) <= 360, lang
    phone.close()
