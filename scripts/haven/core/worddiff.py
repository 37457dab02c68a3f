"""Which words of a text changed, paragraph by paragraph, for a person who does not read diffs.

Python's own difflib.SequenceMatcher compares the words; a line diff would mark a whole paragraph for one
word. Each word keeps the spaces and line breaks after it, so a paragraph reads as it is written, while a
change of spacing alone is no change. Only changed paragraphs are kept, each with a few words around each
change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import Enum

CONTEXT = 6  # words kept before and after a change
# A word, or a run of punctuation, so that "judge." becoming "judge or a magistrate." adds three words.
_WORD = re.compile(r"([\w'’-]+|[^\w\s]+)(\s*)")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_PARAGRAPH = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")  # lines that are not blank, one after another


class Kind(str, Enum):
    SAME = "same"
    REMOVED = "removed"
    ADDED = "added"
    GAP = "gap"  # unchanged words left out


@dataclass(frozen=True)
class Piece:
    kind: Kind
    text: str  # words, with the spaces between them
    space: str  # the spaces or line breaks after its last word


@dataclass(frozen=True)
class Paragraph:
    line: int  # the line of the new text where its first change is
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class _Word:
    kind: Kind
    word: str
    space: str
    line: int  # the line of the new text it is on (a removed word: where it was)


def paragraphs(old: str, new: str, first_line: int = 1) -> list[Paragraph]:
    """The paragraphs of `new` that differ from `old`, its lines numbered from `first_line`."""
    # Paragraphs are matched first, then the words of those that differ: matched across paragraphs, a word
    # both have (a full stop, "the") would tie a removed paragraph to its neighbour.
    before, after = list(_PARAGRAPH.finditer(old)), list(_PARAGRAPH.finditer(new))
    matcher = SequenceMatcher(None, [_words(p.group()) for p in before], [_words(p.group()) for p in after], False)
    found = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        start = after[j1].start() if j1 < len(after) else len(new)
        found += _changed(
            old[before[i1].start() : before[i2 - 1].end()] if i1 < i2 else "",
            new[start : after[j2 - 1].end()] if j1 < j2 else "",
            first_line + new.count("\n", 0, start),
        )
    return found


def _words(text: str) -> tuple[str, ...]:
    return tuple(word for word, _ in _WORD.findall(text))


def _changed(old: str, new: str, first_line: int) -> list[Paragraph]:
    """The paragraphs of a block of `new` that replaced a block of `old`, with the words that changed."""
    words = _compared(old, new, first_line)
    groups: list[list[_Word]] = [[]]
    for word, after in zip(words, [*words[1:], None], strict=False):
        groups[-1].append(word)
        # Removed words end a paragraph of the old text: the words that replace them belong with them.
        replaced = word.kind is Kind.REMOVED and after is not None and after.kind is Kind.ADDED
        if _BLANK_LINE.search(word.space) and not replaced:
            groups.append([])
    found = []
    for group in groups:
        changed = [i for i, word in enumerate(group) if word.kind is not Kind.SAME]
        if changed:
            found.append(Paragraph(group[changed[0]].line, _pieces(group, changed)))
    return found


def _compared(old: str, new: str, first_line: int) -> list[_Word]:
    before, after = _WORD.findall(old), _WORD.findall(new)
    matcher = SequenceMatcher(None, [w for w, _ in before], [w for w, _ in after], autojunk=False)
    line = first_line + new[: len(new) - len(new.lstrip())].count("\n")
    words = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            words += [_Word(Kind.REMOVED, w, s, line) for w, s in before[i1:i2]]
        for w, s in after[j1:j2]:
            words.append(_Word(Kind.SAME if tag == "equal" else Kind.ADDED, w, s, line))
            line += s.count("\n")
    return words


def _pieces(group: list[_Word], changed: list[int]) -> tuple[Piece, ...]:
    """Runs of words of one kind; unchanged words further than CONTEXT from every change become a gap."""
    far = [word.kind is Kind.SAME and all(abs(i - j) > CONTEXT for j in changed) for i, word in enumerate(group)]
    # One word left out would save nothing: "…" takes its place.
    alone = [far[i] and not any(far[max(i - 1, 0) : i]) and not any(far[i + 1 : i + 2]) for i in range(len(far))]
    kept: list[_Word] = []
    for i, word in enumerate(group):
        if not far[i] or alone[i]:
            kept.append(word)
        elif not kept or kept[-1].kind is not Kind.GAP:
            kept.append(_Word(Kind.GAP, "…", " ", word.line))
    runs: list[list[_Word]] = []
    for word in kept:
        if runs and runs[-1][0].kind is word.kind:
            runs[-1].append(word)
        else:
            runs.append([word])
    pieces = [
        Piece(run[0].kind, "".join(w.word + w.space for w in run[:-1]) + run[-1].word, run[-1].space) for run in runs
    ]
    for i, piece in enumerate(pieces):
        # Removed words then the words that replace them read as one change: [-old-]{+new+}.
        if piece.kind is Kind.REMOVED and i + 1 < len(pieces) and pieces[i + 1].kind is Kind.ADDED:
            pieces[i] = Piece(piece.kind, piece.text, "")
    last = pieces[-1]
    pieces[-1] = Piece(last.kind, last.text, "")
    return tuple(pieces)
