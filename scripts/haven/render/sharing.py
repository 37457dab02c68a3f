"""What the share bar links to, and the Open Graph tags a shared link previews with.

Plain links (wa.me, sms:, mailto:) rather than any platform's script: nothing is
requested from anyone until the reader taps, and they work without JavaScript.
"""

from __future__ import annotations

from urllib.parse import quote, urljoin

from babel.core import get_global

from haven.sources.models import ShareWords

# The picture a shared link previews with: the site's logo, 400 px square (overrides/).
PREVIEW_IMAGE = "assets/images/share.png"


def page_address(site_url: str, page_url: str) -> str:
    """The page's public address in the reader's language."""
    return urljoin(site_url, page_url)


def links(title: str, address: str, words: ShareWords) -> list[dict[str, str]]:
    """The share bar's plain links: WhatsApp, text message and email, each with the title and address."""
    message = f"{title}\n{address}"
    return [
        {"kind": "whatsapp", "label": words.whatsapp, "href": "https://wa.me/?text=" + quote(message, safe="")},
        # "sms:?&body=" is the form both Android and iPhone read.
        {"kind": "sms", "label": words.sms, "href": "sms:?&body=" + quote(message, safe="")},
        {
            "kind": "email",
            "label": words.email,
            "href": f"mailto:?subject={quote(title, safe='')}&body={quote(address, safe='')}",
        },
    ]


def og_locale(lang: str) -> str:
    """Open Graph's language_TERRITORY form of a site language (es → es_ES), from CLDR's likely subtags."""
    language = lang.split("-")[0]
    likely = get_global("likely_subtags").get(language, language)
    parts = likely.split("_")
    territory = next((part for part in parts[1:] if len(part) == 2 or part.isdigit()), None)
    return f"{language}_{territory}" if territory else language


def has_key_actions(html: str) -> bool:
    """Whether a page opens with a "What to do" box (a tip admonition): its topic flyer prints that box."""
    return 'class="admonition tip"' in html
