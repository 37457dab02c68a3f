"""The glossary (data/glossary.yml): the agreed word for each legal term in every language.

A reader who meets "orden judicial" on one page and "orden de un juez" on the next may take them for two
different papers. Each term lists the English forms pages use and, per language, the agreed word and the
other forms that count as it; `haven check` (haven.checks.glossary) finds translations that lack it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from haven.core.diagnostics import Diagnostic
from haven.sources.datafiles import DataFiles, same_ids
from haven.sources.models import Glossary as GlossaryFile
from haven.sources.models import GlossaryTerm
from haven.sources.site import Site

FILE = "glossary.yml"  # in data/

# Scripts written without spaces between words (or, for Korean, with endings joined to the word): Han, kana,
# Hangul, Thai, Lao, Myanmar, Khmer and full-width forms. A form in them is found anywhere in the text, since
# no word boundary can be trusted; and their letters end a word of another script (TPS in 如果您有TPS或).
_UNSPACED = (
    "\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u3040-\u30ff\u3130-\u318f"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
)
_IN_UNSPACED = re.compile(f"[{_UNSPACED}]")
_LETTER = re.compile(f"[^\\W{_UNSPACED}]")  # a letter or digit of a script that spaces its words
# What a * stands for: letters, and the joiners Persian writes inside a word (دادگاه‌های).
_GOES_ON = r"[\w\u200c\u200d]*"


class _Compared(dict[int, int | None]):
    """str.translate's table for normalize: one apostrophe; vowel marks (Mn) and tatweel dropped. Each
    character is looked up once, when first met: a table of all of Unicode takes longer to build than the
    pages take to read."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.category(chr(code)) == "Mn" or code == 0x0640 else code
        self[code] = kept
        return kept


_COMPARED = _Compared({0x2019: ord("'"), 0x02BC: ord("'"), 0x2018: ord("'")})


@dataclass(frozen=True)
class Glossary:
    terms: tuple[GlossaryTerm, ...] = ()
    lines: Mapping[str, int] = field(default_factory=dict)  # term id -> its line
    path: str = f"data/{FILE}"


def normalize(text: str) -> str:
    """Text as the glossary compares it: composed letters, one apostrophe, no vowel marks or tatweel
    (an Arabic word is the same word with or without its short-vowel marks)."""
    if text.isascii():  # nothing to compose or drop: most English lines
        return text
    return unicodedata.normalize("NFC", text).translate(_COMPARED)


@dataclass(frozen=True)
class Form:
    """What a form finds: `words` anywhere, and, for a script that spaces its words, only as whole words.

    The word boundaries are looked at here rather than written into `words` as lookarounds: a class of letters
    that leaves out the unspaced scripts takes re about 5 ms to compile, once per form, which made `haven check`
    spend 5 s compiling the glossary's 870 forms."""

    words: re.Pattern[str]
    whole: bool
    # For a form that starts with *: the form without it, which any text holding the form holds too. re tries a
    # leading * at every letter of a page; most pages hold no part of the form, and this finds that out first.
    needed: re.Pattern[str] | None = None

    def search(self, text: str) -> re.Match[str] | None:
        """The first place the form is found in `text`, as re's search would give it."""
        if self.needed is not None and self.needed.search(text) is None:
            return None
        start = 0
        while (match := self.words.search(text, start)) is not None:
            if not self.whole or not (_letter_at(text, match.start() - 1) or _letter_at(text, match.end())):
                return match
            start = match.start() + 1
        return None


def _letter_at(text: str, index: int) -> bool:
    return 0 <= index < len(text) and _LETTER.match(text, index) is not None


@functools.cache  # each form is looked for in every page of its language
def pattern(form: str) -> Form:
    """What a form finds: its words in order, any case, whole words (a * lets a word go on at that end)."""
    words = []
    for word in normalize(form).split():
        core = re.escape(word.strip("*"))
        words.append((_GOES_ON if word.startswith("*") else "") + core + (_GOES_ON if word.endswith("*") else ""))
    body = r"[\s,]+".join(words)  # "ордер, подписанный судьёй": a comma may stand between words
    needed = re.compile(body.removeprefix(_GOES_ON), re.IGNORECASE) if body.startswith(_GOES_ON) else None
    return Form(re.compile(body, re.IGNORECASE), whole=not _IN_UNSPACED.search(form), needed=needed)


def load(site: Site, files: DataFiles | None = None) -> tuple[Glossary, list[Diagnostic]]:
    path = site.strings_dir.parent / FILE
    shown = site.show(path)
    model, doc, problems = (files or DataFiles(site)).validated(path, GlossaryFile, "glossary")
    if model is None or doc is None:
        return Glossary(path=shown), problems
    lines = {term.id: doc.line_of(("terms", i)) for i, term in enumerate(model.terms)}
    others = [language for language in site.languages if not language.default]
    first_use: dict[str, str] = {}  # an English form (as compared) -> the term that lists it first
    for i, term in enumerate(model.terms):
        for code in term.words:
            if code not in site.codes or code == site.default.code:
                problems.append(
                    Diagnostic(
                        shown,
                        doc.line_of(("terms", i, "words", code)),
                        "H101",
                        f"the term '{term.id}' has a word for '{code}', which is not a translated language of this "
                        "site",
                        f"use one of: {', '.join(language.code for language in others)}",
                    )
                )
        for j, form in enumerate(term.en):
            other = first_use.setdefault(normalize(form).casefold(), term.id)
            if other != term.id:
                problems.append(
                    Diagnostic(
                        shown,
                        doc.line_of(("terms", i, "en", j)),
                        "H103",
                        f"'{form}' is listed under the term '{other}' and under '{term.id}'",
                        "keep it under the one term it names",
                    )
                )
    problems += same_ids(shown, lines, [term.id for term in model.terms], "terms")
    return Glossary(tuple(model.terms), lines, shown), problems


def notes(glossary: Glossary, lang: str) -> Callable[[str], list[str]]:
    """For a translator working outside the pages (`haven export`): the agreed word of each term an English
    text uses, with the term's note."""

    def for_text(text: str) -> list[str]:
        compared = normalize(text)
        return [
            f'glossary: "{used.replace("*", "")}" is "{term.words[lang].use.replace("*", "")}". {term.note}'
            for term in glossary.terms
            if lang in term.words
            and (used := next((form for form in term.en if pattern(form).search(compared)), None)) is not None
        ]

    return for_text
