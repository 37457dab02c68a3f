"""QR codes that open a page in its own language, drawn at build time with segno.

Inline in the page (an SVG of about 0.5 KB compressed), so a printed page or a
flyer carries its code with no request; and as a PNG beside the page, for
people who make their own flyers.

Choosing a code's mask is slow (a third of Haven's own build time) and gives the
same code for the same address every time, so each address's drawings are kept
in the user's cache (haven.core.usercache), keyed by the address, segno's
version and the drawing settings.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from html import escape
from urllib.parse import quote
from xml.sax.saxutils import escape as xml_escape

import segno

from haven.core import usercache

PNG_NAME = "qr.png"
# Medium error correction survives a folded or smudged flyer; segno raises it
# for free when the code's size allows.
_ERROR = "m"
_SCREEN_CLASS = 'class="haven-qr">'


@dataclass(frozen=True)
class Code:
    """One address's code, drawn in each form a page uses."""

    screen: str  # inline SVG, before it is named
    printed: str  # SVG for a printed sheet's margin, before it is sized
    png: bytes  # large enough to print sharply on a flyer


def make(url: str) -> Code:
    """The code for `url`, from the cache or drawn (and kept) now."""
    return usercache.kept_json(
        "qr",
        (segno.__version__, _ERROR, url),
        lambda: _draw(url),
        lambda code: {"screen": code.screen, "printed": code.printed, "png": base64.b64encode(code.png).decode()},
        lambda data: Code(data["screen"], data["printed"], base64.b64decode(data["png"], validate=True)),
    )


def _draw(url: str) -> Code:
    code = segno.make_qr(url, error=_ERROR)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=10, border=4)
    return Code(
        screen=code.svg_inline(scale=1, border=4, omitsize=True, svgclass="haven-qr", lineclass=None),
        printed=code.svg_inline(scale=1, border=0, omitsize=True, lineclass=None),
        png=buffer.getvalue(),
    )


def svg(code: Code, label: str) -> str:
    """An inline, scalable SVG of the code, named for screen readers by `label`."""
    # The title as segno writes it; role=img and aria-label: screen readers announce the code once, by its name.
    markup = code.screen.replace(_SCREEN_CLASS, f"{_SCREEN_CLASS}<title>{xml_escape(label)}</title>", 1)
    return markup.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)


def png(code: Code) -> bytes:
    return code.png


def svg_data_uri(code: Code, size_mm: float) -> str:
    """The code as a data: URI of a fixed printed size, for a printed sheet's margin (haven/render/printing.py)."""
    markup = code.printed.replace(
        "<svg ",
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size_mm}mm" '
        f'height="{size_mm}mm" shape-rendering="crispEdges" ',
        1,
    )
    return "data:image/svg+xml," + quote(markup, safe="")
