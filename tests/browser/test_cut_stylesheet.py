"""Pages look the same with Material's stylesheet cut to what they use (haven/publish/unusedcss.py) as with
the whole of it: on a phone, with and without JavaScript, on screen and in print, left to right and
right to left."""

from __future__ import annotations

import io
import shutil

import pytest
from PIL import Image, ImageChops

from browser.phone import Phone
from haven.publish.serving import Server
from haven.publish.unusedcss import FULL_SUFFIX

pytestmark = pytest.mark.browser

PAGES = ["", "rights/at-home/", "help/legal-help/#il", "stories/kenault/", "rights-card/", "404.html"]
# Still pictures: no transition caught halfway, no caret. The search box's placeholder is left
# out: Chromium draws its first glyphs in a fallback font a pixel apart from one load to the next
# (the rules that style it are never cut).
STILL = (
    "*, *::before, *::after, *::placeholder { transition: none !important; animation: none !important; "
    "caret-color: transparent !important; } .md-search__input::placeholder { color: transparent !important; }"
)


@pytest.fixture(scope="module")
def whole_stylesheet_site(real_site, tmp_path_factory):
    """The real site, but every page loads Material's whole stylesheet."""
    site_dir, _ = real_site
    copy = tmp_path_factory.mktemp("whole-css") / "site"
    shutil.copytree(site_dir, copy)
    for whole in copy.glob(f"assets/stylesheets/main.*{FULL_SUFFIX}"):
        shutil.copyfile(whole, whole.with_name(whole.name.replace(FULL_SUFFIX, ".min.css")))
    server = Server(copy)
    yield server.url
    server.close()


# Chromium on a busy machine may smooth a glyph's edge one shade apart from one load to
# the next; a rule that went missing moves or recolours far more than that.
GLYPH_NOISE = 2


def shot(phone: Phone, url: str) -> Image.Image:
    page = phone.visit(url)
    # A chevron caught turning is not a difference. A constructed stylesheet: the page's
    # Content-Security-Policy refuses a <style> it does not name.
    page.evaluate(
        "css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);"
        " document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }",
        STILL,
    )
    # From the top: a page opened at an anchor (#il) is scrolled, and a picture of the whole page drew
    # Material's sticky header where the screen was, at one of two places from one load to the next.
    page.evaluate("() => window.scrollTo(0, 0)")
    return Image.open(io.BytesIO(page.screenshot(full_page=True))).convert("RGB")


def same_picture(a: Image.Image, b: Image.Image) -> bool:
    if a.size != b.size:
        return False
    return all(high <= GLYPH_NOISE for _, high in ImageChops.difference(a, b).getextrema())


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize(
    "javascript,media", [(True, "screen"), (False, "screen"), (True, "print")], ids=["phone", "phone-no-js", "print"]
)
def test_pages_look_the_same_with_the_cut_stylesheet(
    browser, real_site, whole_stylesheet_site, lang, javascript, media
):
    _, base = real_site
    phone = Phone(browser, page_scripts=javascript, settle_ms=0)  # pictures of the page as loaded
    phone.page.emulate_media(media=media)
    prefix = "" if lang == "en" else f"{lang}/"
    differ = []
    for path in PAGES:
        # A difference must show twice: fonts found on the first load may draw a pixel apart.
        if not any(
            same_picture(shot(phone, base + prefix + path), shot(phone, whole_stylesheet_site + prefix + path))
            for _ in range(2)
        ):
            differ.append(path)
    phone.close()
    assert differ == []
