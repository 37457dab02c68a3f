"""Text a translation still holds in English, exactly as the English page has it.

`haven new-translation` starts a translation from the English text, and a volunteer
translates it line by line. A line that still reads exactly as a line of the English
page is not translated yet. Comparing with the English page, rather than guessing a
language, never mistakes an English name or form number the translation keeps on purpose
for untranslated text: those are short, and short lines are not counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from haven.sources.content import SourcePage

# Fewer words than this (a name, "Form I-205", a phone label) may well stay in English.
MIN_WORDS = 3

_NOT_PROSE = re.compile(
    r"<!--.*?-->"  # comments readers never see
    r"|\[[^\]]*\]\([^)]*\)"  # a link: its label is often a name kept in English
    r"|`[^`]*`"  # code
    r"|<[^>]+>"  # HTML tags
    r"|\{[^}]*\}"  # attribute lists
    r"|https?://\S+"
)
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script


@dataclass(frozen=True)
class Leftover:
    lines: tuple[int, ...]  # file lines of the translation still as in English
    translated: int  # its lines of text that differ from every English line

    @property
    def everything(self) -> bool:
        """Nothing is translated yet: readers get an English page."""
        return bool(self.lines) and not self.translated


def find(translation: SourcePage, english: SourcePage) -> Leftover:
    """The lines of `translation` (title, description, body) that read as a line of `english` does.

    Lines the same in both but too short to tell (a name) count neither way."""
    english_texts = {
        _key(text) for text in [english.meta.title, english.meta.description or "", *english.body.splitlines()]
    }
    candidates = [
        (translation.line_of("title"), translation.meta.title),
        (translation.line_of("description"), translation.meta.description or ""),
        *_outside_english_blocks(enumerate(translation.body.splitlines(), start=translation.body_line), english.lang),
    ]
    texts = [(line, text) for line, text in candidates if _LETTER.search(_NOT_PROSE.sub(" ", text))]
    same = [(line, text) for line, text in texts if _key(text) in english_texts]
    return Leftover(
        tuple(line for line, text in same if len(_WORD.findall(_NOT_PROSE.sub(" ", text))) >= MIN_WORDS),
        len(texts) - len(same),
    )


def _outside_english_blocks(lines: Iterable[tuple[int, str]], lang: str) -> Iterator[tuple[int, str]]:
    """The lines outside a block the page marks as English on purpose (`<div lang="en" markdown>`: the
    rights card's side for an officer), which must stay English in every language."""
    depth = 0
    for number, text in lines:
        if depth or re.search(rf'<div\b[^>]*\blang="{lang}"', text):
            depth += text.count("<div") - text.count("</div>")
            continue
        yield number, text


def _key(text: str) -> str:
    return " ".join(text.split())
