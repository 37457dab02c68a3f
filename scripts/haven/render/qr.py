"""QR codes that open a page in its own language, drawn at build time with segno.

Inline in the page (an SVG of about 0.5 KB compressed), so a printed page or a
flyer carries its code with no request; and as a PNG beside the page, for
people who make their own flyers.
"""

from __future__ import annotations

import io
from html import escape
from urllib.parse import quote

import segno

PNG_NAME = "qr.png"
# Medium error correction survives a folded or smudged flyer; segno raises it
# for free when the code's size allows.
_ERROR = "m"


def make(url: str) -> segno.QRCode:
    """The code for `url`: made once per page (choosing its mask is the slow part), then drawn in each form."""
    return segno.make_qr(url, error=_ERROR)


def svg(code: segno.QRCode, label: str) -> str:
    """An inline, scalable SVG of the code, named for screen readers by `label`."""
    markup = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="haven-qr", lineclass=None, title=label)
    # role=img and aria-label: screen readers announce the code once, by its name.
    return markup.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)


def png(code: segno.QRCode) -> bytes:
    """A PNG of the code, large enough to print sharply on a flyer."""
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=10, border=4)
    return buffer.getvalue()


def svg_data_uri(code: segno.QRCode, size_mm: float) -> str:
    """The code as a data: URI of a fixed printed size, for a printed sheet's margin (haven/render/printing.py)."""
    markup = code.svg_inline(scale=1, border=0, omitsize=True, lineclass=None)
    markup = markup.replace(
        "<svg ",
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size_mm}mm" '
        f'height="{size_mm}mm" shape-rendering="crispEdges" ',
        1,
    )
    return "data:image/svg+xml," + quote(markup, safe="")
