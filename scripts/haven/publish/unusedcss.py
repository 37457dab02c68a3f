"""Material's stylesheet, cut to the rules Haven's pages can use on first view.

Material's main.css (22.8 KB compressed) was the largest part of every first
view, and much of it styles what Haven never shows: a dark scheme, nineteen
other colours, code blocks, content tabs, tooltips. The only well-kept tool
that removes unused CSS, PurgeCSS, runs on Node, which every build would then
need; this does the same job in the way PurgeCSS does, by tokens. A rule is
dropped only when its selector requires a tag, class, id, attribute or
attribute value that no built page has. What :not(), :is() and other
functional pseudo-classes hold is never required, so doubt keeps a rule.

The whole stylesheet stays beside the cut one: haven-loader.js adds it when
the reader opens the search, before Material's script, which then styles what
it creates (search results, dialogs).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2
from selectolax.lexbor import LexborHTMLParser

FULL_SUFFIX = ".all.min.css"  # main.<hash>.min.css → main.<hash>.all.min.css
_NESTED = {"media", "supports", "layer", "container"}
_ATTRIBUTE = re.compile(r"\[\s*([\w:-]+)\s*(?:([~|^$*]?=)\s*(\"[^\"]*\"|'[^']*'|[^\]\s]+)\s*[iIsS]?\s*)?\]")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_ID = re.compile(r"#(-?[_a-zA-Z][\w-]*)")
_PSEUDO = re.compile(r"::?[\w-]+")
_TAG = re.compile(r"^[a-zA-Z][\w-]*$")


@dataclass
class Tokens:
    """What the built pages hold: tags, classes, ids, attribute names and name=value pairs."""

    tags: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    values: set[tuple[str, str]] = field(default_factory=set)

    def add_page(self, tree: LexborHTMLParser) -> None:
        root = tree.root
        for node in root.traverse() if root is not None else ():
            self.tags.add((node.tag or "").lower())
            for name, value in node.attributes.items():
                self.attributes.add(name)
                self.values.add((name, value or ""))
                if name == "class" and value:
                    self.classes.update(value.split())
                elif name == "id" and value:
                    self.ids.add(value)


def site_tokens(pages: Iterable[LexborHTMLParser]) -> Tokens:
    tokens = Tokens()
    for page in pages:
        tokens.add_page(page)
    return tokens


def _without_functions(selector: str) -> str:
    """The selector without the arguments of functional pseudo-classes (:not(.a), :is(h1,h2))."""
    out, depth = [], 0
    for char in selector:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:
            out.append(char)
    return "".join(out)


def _may_match(selector: str, tokens: Tokens) -> bool:
    if "\\" in selector or "|" in _ATTRIBUTE.sub("", selector):
        return True  # escapes and namespaces: not worth reading, kept
    for name, operator, value in _ATTRIBUTE.findall(selector):
        if name not in tokens.attributes:
            return False
        if operator == "=" and (name, value.strip("\"'")) not in tokens.values:
            return False
    rest = _ATTRIBUTE.sub(" ", selector)
    if any(name not in tokens.classes for name in _CLASS.findall(rest)):
        return False
    if any(name not in tokens.ids for name in _ID.findall(rest)):
        return False
    rest = _PSEUDO.sub(" ", _ID.sub(" ", _CLASS.sub(" ", rest)))
    tags = [word.lower() for word in re.split(r"[\s>+~]+", rest) if _TAG.match(word)]
    return all(tag in tokens.tags for tag in tags)


def used(selectors: str, tokens: Tokens) -> bool:
    return any(_may_match(selector, tokens) for selector in _without_functions(selectors).split(","))


@dataclass(frozen=True)
class _Rule:
    """One rule of the stylesheet, read once: a style rule's selectors, a block of rules (@media, @supports…)
    with its own rules, or anything else, which is kept whole (@charset, @keyframes, @font-face, @page)."""

    text: str  # the rule as written; for a block, its head, e.g. '@media screen'
    selectors: str | None = None  # a style rule's selector list
    inner: tuple[_Rule, ...] | None = None  # a block's rules


@functools.lru_cache(maxsize=4)
def _rules(css: str) -> tuple[_Rule, ...]:
    """The stylesheet's rules. Every build cuts the same Material stylesheet: tinycss2 reads it once per
    process (a second), and each build then only looks its selectors up."""
    rules = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            rules.append(_Rule(rule.serialize(), selectors=tinycss2.serialize(rule.prelude)))
        elif rule.type == "at-rule" and rule.lower_at_keyword in _NESTED and rule.content is not None:
            head = f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}"
            rules.append(_Rule(head, inner=_rules(tinycss2.serialize(rule.content))))
        else:
            rules.append(_Rule(rule.serialize()))
    return tuple(rules)


def _kept(rules: tuple[_Rule, ...], tokens: Tokens) -> str:
    kept = []
    for rule in rules:
        if rule.inner is not None:
            inner = _kept(rule.inner, tokens)
            kept.append(f"{rule.text}{{{inner}}}" if inner else "")
        elif rule.selectors is None or used(rule.selectors, tokens):
            kept.append(rule.text)
    return "".join(kept)


def pruned(css: str, tokens: Tokens) -> str:
    """The stylesheet without the rules that no page's tokens can match."""
    return _kept(_rules(css), tokens)


def full_name(stylesheet: str) -> str:
    return stylesheet.removesuffix(".min.css") + FULL_SUFFIX


def cut(site_dir: Path, stylesheet: str, tokens: Tokens) -> None:
    """Cut site_dir/stylesheet to what the site's pages use (their `tokens`); keep it whole under
    full_name()."""
    path = site_dir / stylesheet
    css = path.read_text(encoding="utf-8")
    (site_dir / full_name(stylesheet)).write_text(css, encoding="utf-8")
    path.write_text(pruned(css, tokens), encoding="utf-8")
