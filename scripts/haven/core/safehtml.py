"""What published HTML may hold, decided on the parsed page (lexbor), never by regular expressions.

A page's content (what its Markdown became, raw HTML included) may hold only the elements and attributes
of an allowlist: text, headings, lists, tables, links, and pictures, sound and video from this site. Anything
else, a script, a frame, a form, a style or event-handler attribute, a picture from another host, an address
that runs code, stops the build. Every built file is then checked once more, whatever wrote it (content,
data or a template): nothing in it may load from another host, run code from an address, or refresh the
page elsewhere.

nh3 (ammonia) would clean such HTML silently; Haven must refuse it instead, with the editor's line, so the
page is parsed and each element compared with the allowlist here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from haven.core import schemes
from haven.core.diagnostics import Diagnostic, line_holding

# What Markdown, its extensions (admonition, attr_list, md_in_html, tables, toc) and an editor's plain raw
# HTML may produce.
ELEMENTS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "picture",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "source",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
        "wbr",
        "audio",
        "video",
        "track",
    }
)
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "translate"})
ATTRIBUTES = {
    "a": {"href", "hreflang", "rel"},
    "img": {"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"},
    "source": {"src", "srcset", "sizes", "type", "media"},
    "audio": {"src", "controls", "preload", "loop", "muted"},
    "video": {"src", "controls", "preload", "loop", "muted", "poster", "width", "height", "playsinline"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope", "abbr"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
}
# Attributes that hold an address the browser fetches by itself, without a click.
LOADS = frozenset(
    {
        "src",
        "srcset",
        "poster",
        "data",
        "background",
        "action",
        "formaction",
        "xlink:href",
        "manifest",
        "ping",
        "codebase",
        "archive",
        "longdesc",
        "lowsrc",
        "dynsrc",
        "icon",
    }
)
LINKS = frozenset({"href", "cite"})
# In any built file: elements that embed or send away, whoever wrote them.
NEVER = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "fencedframe"})
# SVG elements that can run code, embed HTML or set an attribute (an address) while the page runs.
SVG_ACTIVE = frozenset(
    {"script", "foreignobject", "animate", "set", "animatemotion", "animatetransform", "handler", "listener"}
)
_CSS_URL = re.compile(r"""(?:url\(\s*|@import\s+)(["']?)([^"')\s;]*)""", re.IGNORECASE)
_NOT_ELEMENTS = frozenset({"-text", "_text", "-comment", "_comment", "body"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}\s?|.)")


@dataclass(frozen=True)
class Problem:
    """What is wrong, and the text to look for to find the editor's line."""

    code: str
    message: str
    hint: str
    needle: str


def tags_in(text: str) -> list[str]:
    """The HTML elements a text would hold if it were put in a page as it is, e.g. ['script']."""
    return [node.tag for node in _elements(text) if node.tag and node.tag not in _NOT_ELEMENTS]


def _elements(html: str) -> Iterator[LexborNode]:
    """Every node of a piece of a page's body, in document order."""
    body = LexborHTMLParser(f"<body>{html}</body>").body
    return body.traverse() if body is not None else iter(())


def content_problems(html: str) -> list[Problem]:
    """Why a page's content may not be published; empty when it may."""
    problems = []
    for node in _elements(html):
        tag = node.tag or ""
        if tag in _NOT_ELEMENTS:
            continue
        if tag not in ELEMENTS:
            problems.append(
                Problem(
                    "H120",
                    f"the page holds <{tag}>, which Haven does not publish",
                    f"pages hold text, lists, tables, links and this site's own pictures; remove the <{tag}>",
                    f"<{tag}",
                )
            )
            continue
        allowed = GLOBAL_ATTRIBUTES | ATTRIBUTES.get(tag, set())
        for name, value in node.attributes.items():
            value = value or ""
            if name.lower() not in allowed:
                problems.append(
                    Problem(
                        "H121",
                        f"<{tag}> has the attribute '{name}', which Haven does not publish",
                        _attribute_hint(name),
                        name,
                    )
                )
            else:
                problems += _address_problems(tag, name.lower(), value)
    return problems


def _attribute_hint(name: str) -> str:
    if name.lower() == "style":
        return "give the element a class and style it in overrides/assets/stylesheets/haven.css"
    if name.lower().startswith("on"):
        return "pages hold text and links only; scripts go in overrides/assets/javascripts/"
    return "remove the attribute"


def _address_problems(tag: str, name: str, value: str) -> list[Problem]:
    urls = [part.strip().split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
    problems = []
    for url in urls:
        if schemes.is_unsafe(url):
            problems.append(
                Problem(
                    "H066",
                    f"unsafe address '{shown(url)}' in <{tag} {name}>: {schemes.scheme(url)}: addresses can run code",
                    "link to a page or an https:// address instead",
                    url[:40],
                )
            )
        elif name in LOADS and is_elsewhere(url):
            problems.append(
                Problem(
                    "H122",
                    f"<{tag}> loads {url} from another site, which would tell that site who reads the page",
                    "put the file in docs/ and link to it there",
                    url,
                )
            )
    return problems


def shown(url: str) -> str:
    """An address as a message can show it: at most 40 characters, control characters written out."""
    return _CONTROL.sub(lambda match: repr(match.group())[1:-1], url[:40])


def is_elsewhere(url: str) -> bool:
    """Whether an address a browser fetches by itself leads to another host (any scheme, or '//')."""
    flat = schemes.CONTROL.sub("", url).replace("\\", "/")
    return bool(schemes.scheme(url)) or flat.startswith("//")


# Computed once: built_problems looks at every element of every built page.
_NEVER_IN_BUILT = NEVER | (SVG_ACTIVE - {"script"})  # a <script> is allowed outside the page's text
_ADDRESSES = LINKS | LOADS


def built_problems(tree: LexborHTMLParser) -> list[Problem]:
    """Why a built page may not be published, whoever wrote the HTML: an embedding element, a refresh, an
    address that runs code, or anything loaded from another host."""
    # The theme's and Haven's own inline code stands outside the page's text; the policy hashes every inline
    # script and style, so code inside the text (which only content could have put there) must never reach it.
    problems = [
        Problem(
            "H120",
            f"the built page's text holds <{node.tag}>, which Haven does not publish",
            f"remove the <{node.tag}> from the page",
            f"<{node.tag}",
        )
        for node in tree.css("article script, article style")
    ]
    for node in tree.css("*"):
        tag = node.tag or ""
        if tag in _NEVER_IN_BUILT:
            problems.append(
                Problem(
                    "H120",
                    f"the built page holds <{tag}>, which Haven does not publish",
                    f"remove the <{tag}>",
                    f"<{tag}",
                )
            )
            continue
        attributes = {name.lower(): value or "" for name, value in node.attributes.items()}
        if tag == "meta" and _sends_away(attributes):
            problems.append(
                Problem(
                    "H120",
                    f'the built page has <meta http-equiv="{attributes["http-equiv"]}">, which Haven does not publish',
                    "to move a page, add its old address to data/redirects.yml",
                    "http-equiv",
                )
            )
        for name, value in attributes.items():
            if name in _ADDRESSES:
                problems += _address_problems(tag, name, value)
        href = attributes.get("href", "")
        fetches = tag in ("image", "use") or (tag == "link" and _fetches(attributes.get("rel", "")))
        if fetches and is_elsewhere(href):
            problems.append(
                Problem(
                    "H122",
                    f"<{tag}> loads {href} from another site, which would tell that site who reads the page",
                    "put the file in overrides/assets/ and link to it there",
                    href,
                )
            )
    return problems


def _sends_away(attributes: dict[str, str]) -> bool:
    """A <meta> that sets a cookie, or refreshes the page to another host or to code (the redirect pages
    Haven writes for moved pages refresh to this site: haven.sources.addresses)."""
    kind = attributes.get("http-equiv", "").lower()
    target = attributes.get("content", "").partition(";")[2].strip()
    target = re.sub(r"^url\s*=\s*", "", target, flags=re.IGNORECASE).strip("'\" ")
    return kind == "set-cookie" or (kind == "refresh" and (is_elsewhere(target) or schemes.is_unsafe(target)))


# <link rel> values that only describe a page and make the browser fetch nothing.
_DESCRIBES = frozenset(
    {
        "alternate",
        "author",
        "bookmark",
        "canonical",
        "external",
        "help",
        "license",
        "me",
        "next",
        "nofollow",
        "noopener",
        "noreferrer",
        "prev",
        "search",
        "tag",
    }
)


def _fetches(rel: str) -> bool:
    return not set(rel.lower().split()) <= _DESCRIBES


def svg_problems(text: str) -> list[Problem]:
    """Why an SVG file may not be published: code, embedded HTML, or an address outside the site."""
    problems = []
    for node in LexborHTMLParser(text).css("*"):
        if (node.tag or "").lower() in SVG_ACTIVE:
            problems.append(
                Problem(
                    "H123",
                    f"the picture holds a <{node.tag}> element, which can run code",
                    "export the picture again as a plain SVG, or as a PNG",
                    f"<{node.tag}",
                )
            )
        for name, value in node.attributes.items():
            value = value or ""
            if name.lower().startswith("on"):
                problems.append(
                    Problem(
                        "H123",
                        f"the picture has a '{name}' attribute, which can run code",
                        "export the picture again as a plain SVG, or as a PNG",
                        name,
                    )
                )
            elif name.lower() in ("href", "xlink:href", "src") and (is_elsewhere(value) or schemes.is_unsafe(value)):
                problems.append(
                    Problem(
                        "H123",
                        f"the picture links to {value[:60]}, outside the site",
                        "export the picture again as a plain SVG, or as a PNG",
                        value[:60],
                    )
                )
    return problems + css_problems(text)


def css_problems(text: str) -> list[Problem]:
    """Addresses in a stylesheet (fonts, pictures, @import) that lead to another host."""
    problems = []
    for match in _CSS_URL.finditer(_CSS_ESCAPE.sub(_unescape_css, text)):
        url = match.group(2)
        if url.lower().startswith("data:"):
            continue  # an inline picture or font: nothing is fetched
        if is_elsewhere(url):
            problems.append(
                Problem(
                    "H122",
                    f"the stylesheet loads {url} from another site, which would tell that site who reads the page",
                    "put the file in overrides/assets/ and link to it there",
                    url,
                )
            )
    return problems


def _unescape_css(match: re.Match) -> str:
    escaped = match.group(1).strip()
    try:
        return chr(int(escaped, 16)) if re.fullmatch(r"[0-9a-fA-F]{1,6}", escaped) else escaped
    except (ValueError, OverflowError):
        return ""


def findings(problems: list[Problem], shown: str, text: str, first_line: int = 1) -> list[Diagnostic]:
    """The problems as findings at the first line of `text` (a file that starts on `first_line`) that holds
    what each is about; the first line when none does."""
    lines = text.lower().splitlines()
    found = set()
    for problem in problems:
        # As written, else what follows its scheme: Markdown expands tabs, the parser decodes entities.
        needle = problem.needle.lower()
        line = line_holding(lines, [needle, needle.partition(":")[2]], first_line)
        found.add(Diagnostic(shown, line, problem.code, problem.message, problem.hint))
    return sorted(found)
