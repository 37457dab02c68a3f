"""Share links, Open Graph tags and QR codes: as built into every page of every language."""

from __future__ import annotations

import io
import json
from urllib.parse import parse_qs, unquote, urlsplit

import yaml
import zxingcpp
from PIL import Image
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import REPO
from haven.render import qr, sharing
from haven.sources.models import ShareWords
from test_real_site import PAGES, SITE

WORDS = ShareWords.model_validate(yaml.safe_load((REPO / "data" / "strings" / "ar.yml").read_text())["share"])


def decode(png: bytes) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def test_share_links_carry_the_title_and_the_address_in_any_script():
    title = "إذا جاء عملاء الهجرة إلى منزلك & ماذا تفعل؟"
    address = "https://haven.example.org/ar/rights/at-home/"
    links = {link["kind"]: link for link in sharing.links(title, address, WORDS)}
    assert set(links) == {"whatsapp", "sms", "email"}
    whatsapp = urlsplit(links["whatsapp"]["href"])
    assert (whatsapp.scheme, whatsapp.netloc, whatsapp.path) == ("https", "wa.me", "/")
    assert parse_qs(whatsapp.query)["text"] == [f"{title}\n{address}"]
    sms = links["sms"]["href"]
    assert sms.startswith("sms:?&body=") and unquote(sms.removeprefix("sms:?&body=")) == f"{title}\n{address}"
    mail = urlsplit(links["email"]["href"])
    assert mail.scheme == "mailto" and parse_qs(mail.query) == {"subject": [title], "body": [address]}
    assert [link["label"] for link in links.values()] == [WORDS.whatsapp, WORDS.sms, WORDS.email]


def test_open_graph_locales_come_from_cldr():
    assert [sharing.og_locale(code) for code in ("en", "es", "ar", "pt", "fa", "zh")] == [
        "en_US",
        "es_ES",
        "ar_EG",
        "pt_BR",
        "fa_IR",
        "zh_CN",
    ]


def test_qr_codes_decode_to_the_address():
    address = "https://haven.example.org/fa/help/find-a-lawyer/"
    code = qr.make(address)
    assert decode(qr.png(code)) == [address]
    svg = qr.svg(code, WORDS.qr_label)
    assert svg.startswith('<svg role="img" aria-label=') and f"<title>{WORDS.qr_label}</title>" in svg


def test_a_drawn_qr_code_is_kept_and_a_damaged_copy_is_drawn_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    address = "https://haven.example.org/es/rights/at-home/"
    drawn = qr.make(address)
    (kept,) = (tmp_path / "haven" / "qr").iterdir()
    data = json.loads(kept.read_text(encoding="utf-8"))
    kept.write_text(json.dumps({**data, "screen": "<svg>kept</svg>"}), encoding="utf-8")
    assert qr.make(address).screen == "<svg>kept</svg>"  # read back, not drawn again
    kept.write_text('{"screen": "<svg', encoding="utf-8")  # a copy cut short
    assert qr.make(address) == drawn and decode(qr.png(qr.make(address))) == [address]


def test_every_page_shares_and_previews_in_its_own_language(real_site):
    site_dir, _ = real_site
    for language in SITE.languages:
        prefix = "" if language.default else f"{language.code}/"
        words = yaml.safe_load((REPO / "data" / "strings" / f"{language.code}.yml").read_text())["share"]
        for page in PAGES:
            folder = site_dir / prefix / page
            tree = HTMLParser((folder / "index.html").read_text(encoding="utf-8"))
            address = SITE.site_url + prefix + page
            title = tree.css_first("h1").text().removesuffix("¶").strip()  # without its permalink
            og = {node.attributes["property"]: node.attributes["content"] for node in tree.css("meta[property^='og:']")}
            assert og["og:url"] == address and og["og:title"] == title, (language.code, page, og)
            assert og["og:locale"] == sharing.og_locale(language.code)
            assert og["og:description"] == tree.css_first("meta[name=description]").attributes["content"]
            assert og["og:image"] == SITE.site_url + sharing.PREVIEW_IMAGE
            bar = tree.css_first(".haven-share")
            assert bar.css_first("h2").text() == words["heading"]
            whatsapp = bar.css_first("a[data-haven-share=whatsapp]").attributes["href"]
            assert parse_qs(urlsplit(whatsapp).query)["text"] == [f"{title}\n{address}"], (language.code, page)
            assert decode((folder / qr.PNG_NAME).read_bytes()) == [address]
            # Every printed sheet's margin names the address; the flyer too.
            assert address in tree.css_first("style[media=print]").text()
            assert address in tree.css_first(".haven-flyer").text()
