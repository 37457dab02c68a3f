"""Cut a page's Markdown body into the texts a translator translates and the markup around them.

A page becomes a list of pieces: plain strings (the skeleton: markers, indentation, blank lines, HTML,
comments, table rules) and `Unit`s (a heading, a paragraph, a list item, a table cell, an admonition's
title). Joining the pieces gives back the body byte for byte, so exporting a page and importing it
unchanged changes nothing.

Written here rather than taken from a library: Markdown parsers (Python-Markdown, markdown-it, mistune)
build a tree and render HTML or normalised Markdown, and none gives back Python-Markdown source with its
pymdownx admonitions and attribute lists byte for byte. The pages use a small part of Markdown, one
block per line start, so a line-by-line reading is enough. Inline markup (links, emphasis, `code`,
`{ .class }`) stays inside a unit's text, for the translator to keep.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# Kinds of unit, in the words a translator sees in the exported file's context.
HEADING, PARAGRAPH, ITEM, CELL, ADMONITION = "heading", "paragraph", "item", "cell", "admonition"
# Kinds whose text must stay on one line: a line break would end the heading, the cell or the title.
ONE_LINE = frozenset({HEADING, CELL, ADMONITION})

_INDENT = re.compile(r"[ \t]*")
_FENCE = re.compile(r"(`{3,}|~{3,})")
# A line that is one HTML tag (`<div class="haven-card" markdown>`, `</div>`): markup. Inline tags inside a
# sentence stay in its text.
_HTML = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^>]*)?/?>[ \t]*$")
_RULE = re.compile(r"([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_ATTRIBUTES_ONLY = re.compile(r"\{[^{}]*\}[ \t]*$")
_HEADING = re.compile(r"(#{1,6}[ \t]+)(\S.*)$")
_ADMONITION = re.compile(
    r'((?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*[ \t]+"[ \t]*)([^"\s](?:[^"]*[^"\s])?)([ \t]*"[ \t]*)$'
)
_ITEM = re.compile(r"((?:[-*+]|\d{1,9}[.)])[ \t]+)(\S.*)$")
_TABLE_RULE = re.compile(r"\|?[ \t:|-]*-[ \t:|-]*$")
# A cell ends at a `|` that is neither escaped nor inside `code`.
_CELL_PARTS = re.compile(r"(`[^`]*`|\\.|[^|`\\]+|`|\|)")

# What a translator must keep exactly as in English: each link's target and each `{...}` attribute list.
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)|<((?:https?|mailto|tel):[^>\s]+)>|^\s*\[[^\]]+\]:\s*(\S+)", re.M)
_ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*(?:[#.]|[\w-]+=)[^{}\n]*\}")


@dataclass
class Unit:
    """One text to translate. `continuation` is the indentation its second and later lines take."""

    kind: str
    text: str
    line: int  # the line of the page it starts on
    continuation: str = ""
    key: str = ""  # kind and number among its kind, e.g. 'item-12': stable when other kinds of block change

    def markup(self, text: str) -> str:
        if self.kind in ONE_LINE:
            text = " ".join(text.split("\n"))
        return text.replace("\n", "\n" + self.continuation)


Piece = str | Unit


def segment(body: str, first_line: int = 1) -> list[Piece]:
    """The body as skeleton strings and units; `first_line` is the page line the body starts on."""
    lines = body.split("\n")
    pieces: list[Piece] = []
    index = 0
    while index < len(lines):
        index = _block(lines, index, first_line, pieces)
        if index < len(lines):
            pieces.append("\n")
    _number(pieces)
    return pieces


def units(pieces: list[Piece]) -> list[Unit]:
    return [piece for piece in pieces if isinstance(piece, Unit)]


def render(pieces: list[Piece], texts: dict[str, str] | None = None) -> str:
    """The body again, each unit's text taken from `texts` (by key) where it has one."""
    texts = texts or {}
    return "".join(
        piece if isinstance(piece, str) else piece.markup(texts.get(piece.key, piece.text)) for piece in pieces
    )


def link_targets(text: str) -> list[str]:
    """The pages and addresses `text` links to. Anchors are left out: a translation's anchors follow its own
    translated headings (`haven check` checks them, H061)."""
    return sorted(next(filter(None, match)).partition("#")[0] or "#" for match in _LINK_TARGET.findall(text))


def attribute_lists(text: str) -> list[str]:
    return sorted(_ATTRIBUTE_LIST.findall(text))


def stray_markup(kind: str, text: str) -> str | None:
    """The line of a translated `text` that Markdown would read as a block of its own (a list item, a
    heading, a table row…) where the English text has none, or a cell's text holding a bar that would
    split the cell; None when the text fits its place."""
    if kind == CELL:
        return text if len(_cells(text)) > 1 else None
    lines = text.split("\n")
    checked = lines if kind == PARAGRAPH else lines[1:] if kind == ITEM else []
    return next((line for line in checked if _starts_block(line.lstrip(" \t"))), None)


def _block(lines: list[str], index: int, first_line: int, pieces: list[Piece]) -> int:
    """Read the block that starts at `lines[index]` into `pieces`; return the index of its last line + 1.
    Lines of a block but the last are joined with their line breaks; `segment` adds the last one."""
    line = lines[index]
    indent = _INDENT.match(line).group()  # type: ignore[union-attr]
    rest = line[len(indent) :]
    fence = _FENCE.match(rest)
    if fence or rest.startswith("<!--"):
        # Code and comments are never translated: each is kept whole, up to its end.
        end = _end(lines, index, fence.group(1) if fence else None)
        pieces.append("\n".join(lines[index : end + 1]))
        return end + 1
    number = first_line + index
    if heading := _HEADING.match(rest):
        _add(pieces, indent + heading.group(1), Unit(HEADING, heading.group(2), number))
    elif admonition := _ADMONITION.match(rest):
        pieces += [indent + admonition.group(1), Unit(ADMONITION, admonition.group(2), number), admonition.group(3)]
    elif rest.startswith("|") and not _TABLE_RULE.match(rest):
        _row(pieces, indent, rest, number)
    elif item := _ITEM.match(rest):
        return _lines(lines, index, pieces, indent + item.group(1), Unit(ITEM, item.group(2), number))
    elif _starts_block(rest) or not rest.strip():
        pieces.append(line)
    else:
        return _lines(lines, index, pieces, indent, Unit(PARAGRAPH, rest, number, continuation=indent))
    return index + 1


def _starts_block(rest: str) -> bool:
    """A line that is markup only, or that starts a block of its own (it ends a paragraph before it)."""
    return bool(
        _FENCE.match(rest)
        or rest.startswith(("<!--", "|"))
        or _HTML.match(rest)
        or _RULE.match(rest)
        or _ATTRIBUTES_ONLY.match(rest)
        or _HEADING.match(rest)
        or _ADMONITION.match(rest)
        or _ITEM.match(rest)
    )


def _lines(lines: list[str], index: int, pieces: list[Piece], prefix: str, unit: Unit) -> int:
    """A paragraph or list item: its first line and the lines that continue it at one indentation."""
    texts = [unit.text]
    end = index + 1
    while end < len(lines):
        indent = _INDENT.match(lines[end]).group()  # type: ignore[union-attr]
        rest = lines[end][len(indent) :]
        if not rest.strip() or _starts_block(rest):
            break
        if unit.kind == ITEM and len(texts) == 1 and len(indent) > len(prefix) - len(prefix.lstrip()):
            unit.continuation = indent
        if indent != unit.continuation:
            break
        texts.append(rest)
        end += 1
    unit.text = "\n".join(texts)
    _add(pieces, prefix, unit)
    return end


def _add(pieces: list[Piece], prefix: str, unit: Unit) -> None:
    """The markup before the unit, the unit, and its trailing spaces as markup, where no translator's tool
    loses them."""
    text = unit.text.rstrip()
    pieces += [prefix, unit, *filter(None, [unit.text[len(text) :]])]
    unit.text = text


def _row(pieces: list[Piece], indent: str, rest: str, number: int) -> None:
    """A table row: each cell's text is a unit; the bars and the spaces around each text are markup."""
    pieces.append(indent + "|")
    for cell, bar in _cells(rest[1:]):
        text = cell.strip()
        if text:
            start = cell.index(text)
            pieces += [cell[:start], Unit(CELL, text, number), cell[start + len(text) :]]
        else:
            pieces.append(cell)
        pieces.append(bar)


def _cells(row: str) -> list[tuple[str, str]]:
    """(cell, the `|` after it, or '' for the last) of a row without its leading bar."""
    result: list[tuple[str, str]] = []
    cell = ""
    for part in [*_CELL_PARTS.findall(row), ""]:
        if part in ("|", ""):
            result.append((cell, part))
            cell = ""
        else:
            cell += part
    return result


def _end(lines: list[str], start: int, fence: str | None) -> int:
    """The index of the line that closes the code block (`fence`) or the comment opened at `start`, or of the
    last line when none does."""
    if fence is None and "-->" in lines[start]:
        return start
    closing = [index for index in range(start + 1, len(lines)) if (fence or "-->") in lines[index]]
    if fence:
        closing = [index for index in closing if lines[index].strip().startswith(fence)]
    return closing[0] if closing else len(lines) - 1


def _number(pieces: list[Piece]) -> None:
    counts: Counter[str] = Counter()
    for unit in units(pieces):
        counts[unit.kind] += 1
        unit.key = f"{unit.kind}-{counts[unit.kind]}"
