"""What the templates show around a page, decided here rather than in Jinja.

For a page of one language build this computes the reader's notices
(fallback, stale, unreviewed), the languages that lack the page (for the
switcher), the home page's language list, and the page footer (not legal
advice, reviewed date, sources), all in the reader's language.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from haven.render import printing, qr, sharing
from haven.sources import clock, translations, urgent
from haven.sources.content import Content
from haven.sources.models import PageMeta
from haven.sources.translations import State


def english_url(content: Content, lang: str, url: str) -> str:
    """The URL of the English page behind `url` in the `lang` build."""
    prefix = f"{lang}/"
    if lang != content.site.default.code and url.startswith(prefix):
        return url[len(prefix) :]
    return url


def page_meta(content: Content, lang: str, rel: str, url: str, today: datetime.date) -> dict[str, Any]:
    """The page's meta as the templates read it: validated fields plus `haven`."""
    page = content.page(lang, rel) or content.source(rel)
    source = content.source(rel)
    assert page is not None and source is not None and isinstance(source.meta, PageMeta)
    status = translations.status(content, lang, rel)
    strings = content.strings[lang]
    site = content.site
    english = english_url(content, lang, url)

    notices = []
    # A translation that holds nothing but English reads as the English page: it says so, as a fallback does.
    english_page = status.state is State.FALLBACK or status.all_english
    if english_page:
        text = strings.fallback_notice.replace("{language}", site.language(lang).name)
        notices.append({"kind": "fallback", "text": text})
    elif status.english_lines:
        notices.append(
            {"kind": "partial", "text": strings.partial_notice.replace("{language}", site.language(lang).name)}
        )
    if status.state in (State.STALE, State.OUTDATED):
        text = strings.outdated_notice if status.state is State.OUTDATED else strings.stale_notice
        notices.append({"kind": status.state.value, "text": text, "link": english, "link_text": strings.stale_link})
    if status.state is not State.SOURCE and not english_page and not status.human_reviewed:
        notices.append({"kind": "unreviewed", "text": strings.unreviewed_notice})
    if source.meta.legal_review is None:
        notices.append({"kind": "no-legal-review", "text": strings.no_legal_review_notice})

    translated = translations.translated_languages(content, rel)
    is_home = rel == "index.md" and lang == site.default.code
    sources = [*page.meta.sources, *(s for s in source.meta.sources if s not in page.meta.sources)]
    meta = page.meta.model_dump(exclude={"source_hash", "human_reviewed", "sources"}, exclude_none=True)
    meta["haven"] = {
        "state": status.state.value,
        # Fallback content is English: screen readers must read it as English.
        "content_lang": site.default.code if english_page else None,
        "notices": notices,
        "english_url": english,
        "untranslated": [code for code in site.codes if code not in translated],
        "languages": [
            {"code": other.code, "name": other.name, "url": f"{other.code}/"}
            for other in site.languages
            if not other.default
        ]
        if is_home
        else [],
        "strings": strings.model_dump(),
        "reviewed": source.meta.reviewed.isoformat(),
        "reviewed_text": clock.long_date(source.meta.reviewed, lang),
        "translation_review": {
            "date": status.review.date.isoformat(),
            "date_text": clock.long_date(status.review.date, lang),
            "name": status.review.by,
            # The sentence in pieces, its placeholders in the language's own order: {name} and {date} are marked up.
            "pieces": re.split(r"(\{name\}|\{date\})", strings.translation_reviewed),
        }
        if status.review and status.human_reviewed
        else None,
        "sources": [
            {
                "name": source.name,
                "url": source.url,
                "kind": getattr(strings.source_kinds, source.kind),
                "checked": source.checked.isoformat(),
                "checked_text": strings.source_checked.replace("{date}", clock.long_date(source.checked, lang)),
            }
            for source in sources
        ],
        "legal_review": source.meta.legal_review.model_dump(mode="json") if source.meta.legal_review else None,
        "urgent": urgent.shown_on(content.urgent, site, lang, strings, today),
        "share": share(site.site_url or "", url, page.meta.title, strings.share),
        "og_locale": sharing.og_locale(lang),
    }
    address = meta["haven"]["share"]["address"]
    meta["haven"]["print_css"] = printing.margin_css(
        meta["haven"]["share"]["qr_code"],
        printing.footer_lines(
            address,
            strings.share.printed_address,
            strings.reviewed_label,
            meta["haven"]["reviewed_text"],
            strings.not_legal_advice,
        ),
        site.language(lang).rtl,
    )
    return meta


def share(site_url: str, url: str, title: str, words) -> dict[str, Any]:
    """The share bar's links and the QR code printed with the page, all for its address in the reader's language."""
    address = sharing.page_address(site_url, url)
    code = qr.make(address)
    return {
        "address": address,
        "links": sharing.links(title, address, words),
        "qr_code": code,
        "qr_svg": qr.svg(code, words.qr_label),
        "qr_png": qr.PNG_NAME,
        "image": sharing.page_address(site_url, sharing.PREVIEW_IMAGE),
    }


def not_found(content: Content, lang: str, today: datetime.date) -> dict[str, Any]:
    """What the 404 page of a language shows: its words, urgent notices and the way home."""
    home = content.site.language(lang).prefix
    strings = content.strings[lang]
    return {
        "strings": strings.model_dump(),
        "home_url": home,
        "urgent": urgent.shown_on(content.urgent, content.site, lang, strings, today),
    }
