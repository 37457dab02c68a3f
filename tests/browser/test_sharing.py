"""Sharing on a 360 px phone, in English, Spanish and Arabic: the share bar's links and buttons, the QR
code, the printed page and the one-page flyer (printed to PDF, rendered to pictures, QR codes read back)."""

from __future__ import annotations

import io
from urllib.parse import parse_qs, unquote, urlsplit

import pypdfium2
import pytest
import zxingcpp
from PIL import Image

from browser.phone import Phone, strings
from test_real_site import SITE

pytestmark = pytest.mark.browser

LANGS = ["en", "es", "ar"]
TOPIC = "rights/at-home/"


def address(lang: str, path: str = TOPIC) -> str:
    return SITE.site_url + ("" if lang == "en" else f"{lang}/") + path


def visit(phone: Phone, base: str, lang: str, path: str = TOPIC):
    return phone.visit(base + ("" if lang == "en" else f"{lang}/") + path)


def title(page) -> str:
    return page.locator("meta[property='og:title']").get_attribute("content")


def printed(page) -> list:
    """The page printed on Letter paper, one picture and its text per sheet."""
    document = pypdfium2.PdfDocument(page.pdf(format="Letter"))
    return [(sheet.render(scale=2).to_pil(), sheet.get_textpage().get_text_bounded()) for sheet in document]


def codes(picture) -> list[str]:
    return [found.text for found in zxingcpp.read_barcodes(picture)]


@pytest.mark.parametrize("lang", LANGS)
def test_share_links_carry_the_pages_title_and_address(browser, real_site, lang):
    _, base = real_site
    phone = Phone(browser)
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = visit(phone, base, lang)
    words = strings(lang)["share"]
    bar = page.locator(".haven-share")
    assert bar.locator("h2").inner_text() == words["heading"]
    message = f"{title(page)}\n{address(lang)}"
    whatsapp = bar.locator("a[data-haven-share=whatsapp]")
    assert whatsapp.inner_text() == words["whatsapp"]
    assert parse_qs(urlsplit(whatsapp.get_attribute("href")).query)["text"] == [message]
    sms = bar.locator("a[data-haven-share=sms]").get_attribute("href")
    assert unquote(sms.removeprefix("sms:?&body=")) == message
    mail = parse_qs(urlsplit(bar.locator("a[data-haven-share=email]").get_attribute("href")).query)
    assert mail == {"subject": [title(page)], "body": [address(lang)]}

    # Copy: the address in the phone's clipboard, and said so in the reader's language.
    copy = bar.locator("button[data-haven-share=copy]")
    assert copy.is_visible() and copy.inner_text() == words["copy_link"]
    copy.click()
    page.locator(".haven-share__status").filter(has_text=words["copied"]).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == address(lang)
    # The phone's own share sheet is offered exactly where the browser has one.
    has_native = page.evaluate("typeof navigator.share === 'function'")
    assert bar.locator("button[data-haven-share=native]").is_visible() == has_native
    assert bar.locator("button[data-haven-share=print]").is_visible()

    # A thumb can hit every action, the bar fits the screen, and nobody was asked for anything.
    actions = bar.locator(".haven-share__action:visible")
    assert actions.count() >= 7
    assert all(actions.nth(i).bounding_box()["height"] >= 44 for i in range(actions.count()))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert phone.foreign_requests() == []
    phone.close()


@pytest.mark.parametrize("lang", LANGS)
def test_share_links_work_without_javascript(browser, real_site, lang):
    _, base = real_site
    phone = Phone(browser, javascript=False)
    page = visit(phone, base, lang)
    bar = page.locator(".haven-share")
    for kind in ("whatsapp", "sms", "email", "flyer", "qr"):
        assert bar.locator(f"a[data-haven-share={kind}]").is_visible(), kind
    for kind in ("copy", "native", "print"):
        assert not bar.locator(f"button[data-haven-share={kind}]").is_visible(), kind
    # The QR code's picture downloads from the site itself and opens the page.
    picture = phone.context.request.get(page.locator("a[data-haven-share=qr]").evaluate("a => a.href"))
    assert picture.ok and picture.headers["content-type"] == "image/png"
    phone.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_qr_code_opens_the_page_in_the_same_language(browser, real_site, lang):
    _, base = real_site
    phone = Phone(browser, settle_ms=0)
    page = visit(phone, base, lang)
    page.locator("a[data-haven-share=flyer]").evaluate("a => a.removeAttribute('data-haven-share')")  # no print dialog
    page.locator("a[href='#haven-flyer']").click()
    code = page.locator("#haven-flyer .haven-qr")
    code.wait_for(state="visible")
    assert codes(Image.open(io.BytesIO(code.screenshot()))) == [address(lang)]
    phone.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_printed_page_is_its_content_with_address_and_qr_code_on_every_sheet(browser, real_site, lang):
    _, base = real_site
    phone = Phone(browser, settle_ms=0)
    page = visit(phone, base, lang)
    words = strings(lang)
    article = page.locator("article").inner_text()
    # Titles of the navigation's other pages: on screen beside the text, never on paper.
    navigation = {
        text.strip()
        for text in page.locator(".md-nav__link").all_inner_texts()
        if text.strip() and text.strip() not in article
    }
    assert navigation
    sheets = printed(page)
    assert len(sheets) >= 2
    for number, (picture, text) in enumerate(sheets, 1):
        assert codes(picture) == [address(lang)], number
        assert address(lang) in text.replace("\r\n", "").replace("\n", ""), number
        if lang != "ar":  # PDF text of right-to-left scripts comes out in drawing order
            assert words["not_legal_advice"] in " ".join(text.split()), number
        assert words["share"]["heading"] not in text
        assert not [title for title in navigation if title in text], number
    phone.close()


@pytest.mark.parametrize("lang", LANGS)
def test_a_topic_prints_as_a_one_page_flyer(browser, real_site, lang):
    _, base = real_site
    phone = Phone(browser, settle_ms=0)
    page = visit(phone, base, lang, TOPIC + "#haven-flyer")
    actions = page.locator("article .admonition.tip li").all_inner_texts()
    assert len(actions) >= 3
    sheets = printed(page)
    assert len(sheets) == 1
    picture, text = sheets[0]
    assert codes(picture) == [address(lang)]
    if lang != "ar":
        flat = " ".join(text.split())
        assert title(page) in flat and all(" ".join(action.split()) in flat for action in actions)
        assert strings(lang)["share"]["flyer_scan"] in flat
    phone.close()
