"""Personal identifiers in client stories, found before anything is published.

An A-number lets anyone look up a person's immigration court case; a receipt
number, a Social Security number, a private phone, an email, a street address
or a date of birth can expose them or their family. The gate errs on the side
of stopping the build: an editor can rewrite a false alarm, but cannot recall a
published identifier.

Text is read as a reader's eyes would: digits in any script (Arabic-Indic ٣,
Persian ۳, full-width ３) count as digits, and a number may run across a line
break. No library covers US immigration identifiers in every script, hence
this module.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import babel
from babel import Locale, UnknownLocaleError

from haven.core import usercache
from haven.sources.directory import full_number

# Between the digits of one number: spaces (a line break too), dashes of any kind, dots.
_SEP = r"[ \t\r\n\u00a0\u202f.\-\u2010-\u2015]{0,3}"
_START = r"(?<![0-9A-Za-z])"
_END = r"(?![0-9])"


def _digits(count: str) -> str:
    """`count` digits (a regex quantifier such as '{9}' or '{7,8}' after the first), any separators."""
    return rf"[0-9](?:{_SEP}[0-9]){count}"


RECEIPT_PREFIXES = ("EAC", "WAC", "LIN", "SRC", "NBC", "MSC", "IOE", "YSC")

# (kind, code, pattern, what to do); earlier kinds claim their text first.
_KINDS: tuple[tuple[str, str, re.Pattern, str], ...] = (
    (
        "USCIS receipt number",
        "H081",
        re.compile(rf"(?<![A-Za-z])(?:{'|'.join(RECEIPT_PREFIXES)}){_SEP}{_digits('{9}')}{_END}", re.IGNORECASE),
        "remove it: a receipt number opens the person's case status to anyone",
    ),
    (
        "A-number",
        "H080",
        re.compile(
            rf"{_START}(?-i:A)\s*(?:-?\s*(?:number|no\.?|#)\s*)?[:#]?{_SEP}{_digits('{7,8}')}{_END}", re.IGNORECASE
        ),
        "remove it: an A-number lets anyone look up the person's court case",
    ),
    (
        "phone number",
        "H083",
        re.compile(
            rf"(?<![0-9])(?:\+?{_SEP}1{_SEP})?\(?[0-9]{{3}}\)?{_SEP}[0-9]{{3}}{_SEP}[0-9]{{4}}{_END}"
            rf"|\+{_SEP}{_digits('{7,13}')}{_END}"
        ),
        "remove it, or add a public organization's number to data/public-numbers.yml after checking its source",
    ),
    (
        "A-number or Social Security number",
        "H080",
        re.compile(
            rf"{_START}(?:[0-9]{{8,9}}|[0-9]{{3}}[ .\-][0-9]{{3}}[ .\-][0-9]{{3}}"
            rf"|[0-9]{{2}}[ .\-][0-9]{{3}}[ .\-][0-9]{{3}}){_END}"
        ),
        "remove it: eight or nine digits may be an A-number or a Social Security number",
    ),
    (
        "Social Security number or ITIN",
        "H082",
        re.compile(rf"{_START}[0-9]{{3}}{_SEP}[0-9]{{2}}{_SEP}[0-9]{{4}}{_END}"),
        "remove it",
    ),
    (
        "email address",
        "H084",
        re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"),
        "remove it",
    ),
    (
        "street address",
        "H085",
        re.compile(
            r"(?<![0-9])[0-9]{1,6}(?:-[0-9]+)?\s+(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w'.\-]*\s+){0,4}"
            # Not "Court" or "Place": stories speak of courts ("In 2013 Supreme Court…").
            r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Ct|Pl|Way|Parkway|Pkwy"
            r"|Highway|Hwy|Terrace|Ter|Circle|Cir|Trail|Trl)\b\.?"
            r"|\bP\.?\s*O\.?\s*Box\s*[0-9]+"
            r"|\b(?:Apt|Apartment|Suite|Ste|Unit)\.?\s*#?\s*[0-9]+"
            r"|\b(?:Calle|Avenida|Carrera|Rua)\s+[^\n,;]{1,40}?#?\s*[0-9]{1,6}\b"
        ),
        "remove it: name the city or the state at most",
    ),
)
_URL = re.compile(r"https?://[^\s)\]>\"']+")
_DATE_HINT = "remove it if it is a date of birth; otherwise give only the month and the year"


@dataclass(frozen=True)
class Identifier:
    kind: str
    code: str
    line: int
    text: str  # as written
    hint: str


def normalize(text: str) -> str:
    """Digits of every script as ASCII digits, full-width letters as ASCII; the same length, so
    a match's place is its place in the text as written."""
    out = []
    for char in text:
        if unicodedata.category(char) == "Nd":
            out.append(str(unicodedata.decimal(char)))
            continue
        folded = unicodedata.normalize("NFKC", char)
        out.append(folded if len(folded) == 1 else char)
    return "".join(out)


def find(text: str, lang: str, allowed: Iterable[str] = (), first_line: int = 1) -> list[Identifier]:
    """Every identifier in `text` (a page body in `lang`), with its line.

    `allowed`: digits of public numbers (e.g. '18008987180') that may appear.
    """
    # Addresses of public web pages are not identifiers, and their dates (/2015/07/29/) are not births.
    plain = _URL.sub(lambda m: " " * len(m.group(0)), normalize(text))
    allowed = {full_number(normalize(number)) for number in allowed}
    taken: list[tuple[int, int]] = []
    found = []

    def claim(start: int, end: int) -> bool:
        if any(start < b and a < end for a, b in taken):
            return False
        taken.append((start, end))
        return True

    for kind, code, pattern, hint in _KINDS:
        for match in pattern.finditer(plain):
            if not claim(match.start(), match.end()):
                continue
            if code == "H083" and full_number(match.group(0)) in allowed:
                continue
            found.append(_at(text, match, kind, code, hint, first_line))
    for match in _date_pattern(lang).finditer(plain):
        if claim(match.start(), match.end()):
            found.append(_at(text, match, "full date", "H086", _DATE_HINT, first_line))
    return sorted(found, key=lambda item: (item.line, item.code))


def _at(text: str, match: re.Match, kind: str, code: str, hint: str, first_line: int) -> Identifier:
    line = first_line + text.count("\n", 0, match.start())
    return Identifier(kind, code, line, " ".join(text[match.start() : match.end()].split()), hint)


@cache
def _date_pattern(lang: str) -> re.Pattern:
    """A day, a month and a year together, in figures or with the month's name in `lang` or English."""
    months = set(_month_names("en")) | set(_month_names(lang))
    month = "|".join(sorted((re.escape(name) for name in months), key=len, reverse=True))
    day, year = r"[0-3]?[0-9](?:st|nd|rd|th|er|º|°)?", r"(?:1[89]|20)[0-9]{2}"
    filler = r"[\s,.]*(?:de|del|of|năm|ng\u00e0y|\u0433\.?)?[\s,.]*"
    return re.compile(
        rf"(?<![0-9])(?:{day}{filler}(?:{month}){filler}{year}"  # 3 March 1985, 3 de marzo de 1985
        rf"|(?:{month})\s*{day},?\s*{year}"  # March 3, 1985
        rf"|{year}\s*[年년]\s*[01]?[0-9]\s*[月월]\s*[0-3]?[0-9]\s*[日일]"  # 1985年3月3日, 1985년 3월 3일
        rf"|[0-3]?[0-9][/.\-][0-3]?[0-9][/.\-](?:{year}|[0-9]{{2}})"  # 03/03/1985, 3.3.85
        rf"|{year}[/.\-][01]?[0-9][/.\-][0-3]?[0-9])(?![0-9])",  # 1985-03-03
        re.IGNORECASE,
    )


# Month names CLDR lacks (it writes Haitian Creole months as M01…M12).
_MONTHS_NOT_IN_CLDR = {
    "ht": ("janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out", "septanm", "oktòb", "novanm", "desanm"),
}


def _month_names(lang: str) -> list[str]:
    cldr = _cldr_month_names(lang)
    if cldr is None:  # a language CLDR does not know
        return list(_MONTHS_NOT_IN_CLDR.get(lang, ()))
    names = list(_MONTHS_NOT_IN_CLDR.get(lang, ())) + cldr
    # Months CLDR does not name ('M03') would match any 'M03'; those are left out.
    return [name for name in names if len(name) > 2 and not re.fullmatch(r"M[0-9]+", name)]


def _cldr_month_names(lang: str) -> list[str] | None:
    """CLDR's month names in `lang` (None if CLDR does not know it), kept in the user's cache
    (haven.core.usercache) under Babel's version: reading a language's locale data takes about 4 ms, 0.04 s
    of every check and build of twelve languages."""
    return usercache.kept_json(
        "months", (babel.__version__, lang), lambda: _read_cldr_month_names(lang), lambda names: names, _kept_names
    )


def _kept_names(kept: object) -> list[str] | None:
    if kept is None or (isinstance(kept, list) and all(isinstance(name, str) for name in kept)):
        return kept
    raise ValueError("not a list of month names")


def _read_cldr_month_names(lang: str) -> list[str] | None:
    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None
    return [
        name.strip(".")
        for context in ("format", "stand-alone")
        for width in ("wide", "abbreviated")
        for name in locale.months[context][width].values()
    ]
