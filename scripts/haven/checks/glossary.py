"""Translations that lack the agreed word for a legal term their English page uses (data/glossary.yml).

A page is checked as a whole: wherever the English page uses a term, its translation must use the agreed
word somewhere. The finding points at the line in the same place as the English line that first uses the
term: the same row of the block (paragraph, list, heading) in the same place, since translations keep the
English page's blocks in order.
"""

from __future__ import annotations

import bisect
import itertools
import re

from babel import Locale

from haven.checks.links import source_lines
from haven.core.diagnostics import Diagnostic, Severity
from haven.sources import glossary, translations
from haven.sources.content import Content, SourcePage
from haven.sources.models import GlossaryTerm

# What readers do not read as prose: comments, link targets, addresses, tags, attribute lists.
_NOT_PROSE = re.compile(
    r"<!--.*?-->"
    r"|\]\([^)]*\)"  # [text](target)
    r"|^\s{0,3}\[[^\]]+\]:.*$"  # [ref]: target
    r"|<[a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*>"  # <https://…>
    r"|https?://\S+"
    r"|</?[a-zA-Z][^>]*>"
    r"|\{[:#.][^}]*\}"  # {#anchor} and {: .class}
)
# What each kind of text above starts with: most lines have none, and this one search passes them by.
_MAY_HIDE = re.compile(r"[<\[\]{]|https?:")
_ENGLISH = Locale("en")


def findings(content: Content, strict: bool = False) -> list[Diagnostic]:
    """Terms without a word in some language (H102), and translations without the agreed word (H100: a warning,
    an error under --strict, as a stale translation is)."""
    site = content.site
    found = [
        Diagnostic(
            content.glossary.path,
            content.glossary.lines[term.id],
            "H102",
            f"the term '{term.id}' has no agreed word in {_name(language.code)} ({language.code}); "
            "its translations are not checked for it",
            f"add under words: '{language.code}: {{use: \"…\"}}'",
            Severity.WARNING,
        )
        for term in content.glossary.terms
        for language in site.languages
        if not language.default and language.code not in term.words
    ]
    blocks = {key: _Prose(_prose_blocks(page, site.default.code)) for key, page in content.pages.items()}
    for lang, rel in sorted(content.pages):
        if lang != site.default.code:
            continue
        for term in content.glossary.terms:
            used = _first(blocks[lang, rel], term.en)
            if used is None:
                continue
            index, row, said = used
            for code, agreed in sorted(term.words.items()):
                page = content.page(code, rel)
                if page is not None and _first(blocks[code, rel], agreed.forms) is None:
                    finding = _missing(content, page, blocks[code, rel].blocks, (index, row), said, term, code, strict)
                    # A line still in English is reported once, as such (H047), not once per term it uses.
                    if finding.line not in translations.status(content, code, rel).english_lines:
                        found.append(finding)
    return found


def _missing(
    content: Content,
    page: SourcePage,
    blocks: list[list[tuple[int, str]]],
    place: tuple[int, int],
    said: str,
    term: GlossaryTerm,
    code: str,
    strict: bool,
) -> Diagnostic:
    word = term.words[code].use
    # The line in the English line's place: the same row (or the last) of the block in the English block's place;
    # the body's first line when the translation has fewer blocks.
    index, row = place
    if index < len(blocks):
        line = blocks[index][min(row, len(blocks[index]) - 1)][0]
    else:
        line = blocks[0][0][0] if blocks else page.body_line
    return Diagnostic(
        content.site.show(page.path),
        line,
        "H100",
        f'the English page says "{said}" here; the agreed {_name(code)} word is "{word}"',
        f'use "{word}" ({content.glossary.path}:{content.glossary.lines[term.id]}), or propose a change to '
        "the glossary",
        Severity.ERROR if strict else Severity.WARNING,
    )


class _Prose:
    """A page's prose blocks, and their texts in one string, so that each form is looked for once a page rather
    than once a block (60 000 searches on the real site). Blocks are joined by NUL, which no form matches or
    counts as a letter: a match never runs from one block into the next."""

    def __init__(self, blocks: list[list[tuple[int, str]]]):
        self.blocks = blocks
        texts = [" ".join(line for _, line in block) for block in blocks]
        self.text = "\0".join(texts)
        self.starts = list(itertools.accumulate((len(text) + 1 for text in texts[:-1]), initial=0))


def _first(prose: _Prose, forms: tuple[str, ...] | list[str]) -> tuple[int, int, str] | None:
    """Where any of the forms is first found: the block, the line inside the block, and the words as written."""
    matches = [match for match in (glossary.pattern(form).search(prose.text) for form in forms) if match]
    if not matches:
        return None
    match = min(matches, key=lambda match: match.start())
    index = bisect.bisect_right(prose.starts, match.start()) - 1
    lines = list(itertools.accumulate(len(line) + 1 for _, line in prose.blocks[index]))
    return index, bisect.bisect_right(lines, match.start() - prose.starts[index]), match.group(0)


def _prose_blocks(page: SourcePage, source_language: str) -> list[list[tuple[int, str]]]:
    """The body's blank-line-separated blocks (fenced code left out), then the title and the description,
    each as (file line, prose as compared).

    Text marked as in the source language (the rights card's side for officers) is the English page's
    own text in every language: it is left out of both pages, its lines kept so that blocks still align."""
    opening = re.compile(rf"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\blang=[\"']?{re.escape(source_language)}\b")
    blocks: list[list[tuple[int, str]]] = []
    previous = None
    kept, depth = None, 0  # the tag that holds source-language text, and how deep inside it a line is
    for number, line in source_lines(page):
        if not line.strip():
            continue
        if previous is None or number != previous + 1:
            blocks.append([])
        previous = number
        if kept is None and "lang" in line and (opened := opening.search(line)):
            kept, depth = opened.group(1), 0
        if kept is not None:
            depth += len(re.findall(rf"<{kept}\b", line)) - len(re.findall(rf"</{kept}\s*>", line))
            kept = kept if depth > 0 else None
            blocks[-1].append((number, ""))
            continue
        prose = _NOT_PROSE.sub(" ", line) if _MAY_HIDE.search(line) else line
        blocks[-1].append((number, glossary.normalize(prose)))
    # The title and the description are read too (in search results and shared links), after the body so that
    # the body's blocks keep their places.
    front = [(page.line_of(name), getattr(page.meta, name)) for name in ("title", "description")]
    return blocks + [[(line, glossary.normalize(text))] for line, text in front if text]


def _name(code: str) -> str:
    """The language's English name: findings are read by editors of every language."""
    return _ENGLISH.languages.get(code.split("-")[0], code)
