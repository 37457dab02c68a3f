"""What every printed sheet of a page carries in its bottom margin: the page's QR code, its address,
when it was checked, and the not-legal-advice line.

Written as CSS page-margin boxes (Chromium 131+) in a per-page print stylesheet: they repeat on every
sheet without taking room from the text, which a position: fixed box or a table footer cannot do.
"""

from __future__ import annotations

from haven.render import qr

QR_MM = 20
_ISOLATE = "\u2066{}\u2069"  # keeps a left-to-right address whole inside right-to-left text


def _css_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ")
    return f'"{escaped}"'


def margin_css(code: qr.Code, lines: list[str], rtl: bool) -> str:
    """The print stylesheet of one page: its QR code on the sheet's inner side, then `lines` (the page's
    address among them) in the reader's direction."""
    side, direction = ("right", "rtl") if rtl else ("left", "ltr")  # the side the reader's lines start on
    text = "\n".join(lines)
    return (
        "@page{margin-bottom:30mm;"
        f'@bottom-{side}{{content:url("{qr.svg_data_uri(code, QR_MM)}");width:{QR_MM + 2}mm;vertical-align:middle}}'
        f"@bottom-center{{content:{_css_string(text)};white-space:pre-wrap;font:7.5pt/1.35 sans-serif;"
        f"text-align:{side};direction:{direction};vertical-align:middle}}}}"
    )


def footer_lines(
    address: str, printed_address: str, reviewed_label: str, reviewed_text: str, not_legal_advice: str
) -> list[str]:
    return [f"{printed_address} {_ISOLATE.format(address)}", f"{reviewed_label} {reviewed_text}", not_legal_advice]
