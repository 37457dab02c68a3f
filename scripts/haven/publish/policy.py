"""The site's Content-Security-Policy, and the other headers a static host sends with it.

The policy lets a page load only the site's own files, and run only the inline code the build wrote, each
script and style named by its sha256: no 'unsafe-inline', no 'unsafe-eval'. Material writes three inline
scripts in every page, one holding the page's path to the site's root (its hash differs by depth), and
haven/render/printing.py writes each page's print stylesheet (its address and QR code), so each page has its own
hashes. `<script type="application/json">` (Material's settings) is data, never run: it needs no hash.

The policy is delivered twice, and a browser enforces every policy it is given, so what runs is what both
allow:

- Each page carries `<meta http-equiv="Content-Security-Policy">` with its own hashes, before its first
  script or style. GitHub Pages cannot send headers: there this is the whole policy, less frame-ancestors,
  which only a header can carry.
- `_headers` (read by Netlify and Cloudflare Pages) sends one policy with every file. Cloudflare takes
  100 rules of 2,000 characters at most, far from one rule per page, so it is written for the whole site:
  it names the few inline scripts of every page (they differ only by depth), which also blocks a script a
  host would insert above a page's own policy; for inline styles, one per page, it says 'unsafe-inline',
  which each page's policy narrows to that page's hash. It adds what no <meta> can say (frame-ancestors)
  and the other headers.

A style="..." attribute or an on...= handler cannot be allowed by a hash: the build stops on one (H096).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from haven.core import safehtml
from haven.core.diagnostics import Diagnostic, DiagnosticsError
from haven.publish.builtpages import BuiltPage

HEADERS_FILE = "_headers"
META = "Content-Security-Policy"
# What every page may load, whatever it holds. img-src data: is for the icons in Material's stylesheet and
# the QR code in the print stylesheet; form-action 'self': the search form, sent before Material's script
# loads, reloads the page.
_COMMON = ("default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'none'", "form-action 'self'")
# Powerful features the site never uses, denied to it and to anything a host might add. Clipboard and
# Web Share stay allowed: the share bar uses them.
PERMISSIONS = (
    "accelerometer",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "serial",
    "usb",
)
# Headers sent with every file besides the policy.
OTHER_HEADERS = (
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", ", ".join(f"{feature}=()" for feature in PERMISSIONS)),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),  # frame-ancestors for browsers that predate it
)
HEADER_LINE_LIMIT = 2000  # Cloudflare Pages' limit on one line of _headers
# <script type> values a browser runs or reads as code (HTML's JavaScript MIME types, module, import maps,
# speculation rules), all under script-src; any other type is a data block.
_SCRIPT_TYPES = {
    "",
    "module",
    "importmap",
    "speculationrules",
    "application/ecmascript",
    "application/javascript",
    "application/x-ecmascript",
    "application/x-javascript",
    "text/ecmascript",
    "text/javascript",
    "text/javascript1.0",
    "text/javascript1.1",
    "text/javascript1.2",
    "text/javascript1.3",
    "text/javascript1.4",
    "text/javascript1.5",
    "text/jscript",
    "text/livescript",
    "text/x-ecmascript",
    "text/x-javascript",
}
_CHARSET = re.compile(r"<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", re.IGNORECASE)
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)


def source_hash(text: str) -> str:
    """A policy's name for one inline script or style: its text's sha256, as the browser computes it."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _runs(script) -> bool:
    kind = (script.attributes.get("type") or "").split(";")[0].strip().lower()
    return "src" not in script.attributes and kind in _SCRIPT_TYPES


def inline_code(tree: LexborHTMLParser) -> tuple[list[str], list[str]]:
    """The texts of a page's inline scripts that run, and of its inline styles, in document order."""
    return [node.text() for node in tree.css("script") if _runs(node)], [node.text() for node in tree.css("style")]


def blocked_attributes(tree: LexborHTMLParser) -> list[str]:
    """What in a page no hash can allow: style attributes and event handlers, e.g. 'style="…" on <td>'."""
    found = []
    for node in tree.css("*"):
        for name in node.attributes:
            if name.lower() == "style" or name.lower().startswith("on"):
                found.append(f'{name}="{node.attributes[name] or ""}" on <{node.tag}>')
    return found


def page_policy(scripts: Iterable[str], styles: Iterable[str]) -> str:
    """The policy of one page that holds these inline scripts and styles."""
    return "; ".join(
        [*_COMMON, _sources("script-src", map(source_hash, scripts)), _sources("style-src", map(source_hash, styles))]
    )


def _sources(directive: str, hashes: Iterable[str]) -> str:
    # 'report-sample': a violation report quotes the start of what was blocked (haven verify prints it).
    return " ".join([directive, "'self'", "'report-sample'", *dict.fromkeys(hashes)])  # each hash once


def _policy_metas(tree: LexborHTMLParser) -> list:
    return [
        node for node in tree.css("meta[http-equiv]") if (node.attributes["http-equiv"] or "").lower() == META.lower()
    ]


def with_policy(html: str) -> tuple[str, list[str]]:
    """The page with its policy in its head, first after its charset; and its inline scripts' hashes."""
    meta, hashes = _meta(LexborHTMLParser(html))
    return _inserted(html, meta), hashes


def _meta(tree: LexborHTMLParser) -> tuple[str, list[str]]:
    """A page's policy as a <meta> element, and its inline scripts' hashes."""
    if _policy_metas(tree):
        raise ValueError("the page already has a Content-Security-Policy")
    scripts, styles = inline_code(tree)
    return f'<meta http-equiv="{META}" content="{page_policy(scripts, styles)}">', list(map(source_hash, scripts))


def _inserted(html: str, meta: str) -> str:
    where = _CHARSET.search(html) or _HEAD.search(html)
    if where is None:
        raise ValueError("the page has no <head> to hold its Content-Security-Policy")
    return html[: where.end()] + meta + html[where.end() :]


def page_problems(html: str) -> list[str]:
    """Why a served page's own policy does not cover it: missing, twice, too late, an inline script or style
    without its hash (a host may insert one), or an attribute no hash allows. Empty when it does."""
    tree = LexborHTMLParser(html)
    metas = _policy_metas(tree)
    if not metas:
        return ["no Content-Security-Policy <meta>"]
    problems = [f"{len(metas)} Content-Security-Policy <meta> elements, not one"] if len(metas) > 1 else []
    first = tree.css_first("script, style, link[rel~=stylesheet], meta[http-equiv]")
    if first is not None and first.tag != "meta":
        problems.append(f"a <{first.tag}> comes before the Content-Security-Policy <meta>, which cannot cover it")
    allowed = directives(metas[0].attributes.get("content") or "")
    scripts, styles = inline_code(tree)
    for kind, texts in (("script", scripts), ("style", styles)):
        for text in texts:
            if source_hash(text) not in allowed.get(f"{kind}-src", allowed.get("default-src", set())):
                problems.append(f"an inline <{kind}> without its hash in the policy: {_sample(text)}")
    return problems + [f"{attribute}, which the policy blocks" for attribute in blocked_attributes(tree)]


def directives(policy: str) -> dict[str, set[str]]:
    """A policy's directives: {'script-src': {"'self'", "'sha256-…'"}, …}."""
    found: dict[str, set[str]] = {}
    for directive in policy.split(";"):
        words = directive.split()
        if words:
            found.setdefault(words[0].lower(), set(words[1:]))  # given twice: browsers keep the first
    return found


def _sample(text: str) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= 60 else flat[:57] + "...")


def header_policy(script_hashes: Iterable[str]) -> str:
    """The policy sent with every file: the site's inline scripts by hash, its inline styles left to each
    page's own policy, and frame-ancestors, which a <meta> cannot carry."""
    return "; ".join(
        [
            *_COMMON,
            _sources("script-src", sorted(set(script_hashes))),
            "style-src 'self' 'report-sample' 'unsafe-inline'",
            "frame-ancestors 'none'",
        ]
    )


def headers_text(script_hashes: Iterable[str]) -> str:
    """The `_headers` file: one rule, for every file of the site."""
    lines = [f"  {name}: {value}" for name, value in ((META, header_policy(script_hashes)), *OTHER_HEADERS)]
    too_long = [line for line in lines if len(line) > HEADER_LINE_LIMIT]
    if too_long:
        raise ValueError(
            f"a line of {HEADERS_FILE} has {len(too_long[0])} characters, over Cloudflare Pages' "
            f"{HEADER_LINE_LIMIT}: {too_long[0][:80]}..."
        )
    return (
        "# Sent with every file by Netlify and Cloudflare Pages; GitHub Pages does not read this file.\n"
        "# Written by the build (haven/publish/policy.py): each page also carries its own policy.\n"
        "/*\n" + "\n".join(lines) + "\n"
    )


@dataclass
class Policies:
    """The site's policies, worked out from the pages as MkDocs wrote them. Given to the pages once the other
    finishing steps are done: what they change (a pack's size) is no script or style."""

    metas: dict[str, str]  # each page's <meta>, by its path inside the site
    script_hashes: set[str]  # every page's inline scripts
    blocked: list[Diagnostic]  # pages that cannot be given a policy (H096) or published (safehtml)


def read(pages: Iterable[BuiltPage], shown: Callable[[str], str] = str) -> Policies:
    """Each page's policy and what stops one. `shown` names the file editors know for a built page
    ('es/about/index.html' -> 'docs/es/about.md')."""
    metas: dict[str, str] = {}
    script_hashes: set[str] = set()
    blocked: dict[Diagnostic, None] = {}  # a page's English stand-ins repeat its findings in every language
    for page in pages:
        source = shown(page.rel)
        # Named by its source file when it has one (its stand-ins then say it once), else by its address.
        address = "" if source != page.rel else f"/{page.rel.removesuffix('index.html')}"
        for attribute in blocked_attributes(page.tree):
            blocked[
                Diagnostic(
                    source,
                    1,
                    "H096",
                    f"the built page {address + ' ' if address else ''}has {attribute}, which the site's "
                    "Content-Security-Policy blocks",
                    "give the element a class and style it in overrides/assets/stylesheets/haven.css; "
                    "scripts go in overrides/assets/javascripts/",
                )
            ] = None
        # Whatever wrote it (content is checked before, safehtml): nothing hashed may load or run from elsewhere.
        for problem in safehtml.built_problems(page.tree):
            message = f"{address}: {problem.message}" if address else problem.message
            blocked[Diagnostic(source, 1, problem.code, message, problem.hint)] = None
        metas[page.rel], hashes = _meta(page.tree)
        script_hashes.update(hashes)
    return Policies(metas, script_hashes, list(blocked))


def write(site_dir: Path, pages: Iterable[BuiltPage], policies: Policies) -> None:
    """Put each page's policy in its head, then write `_headers`.

    Raises DiagnosticsError (H096) for a page with an attribute no hash can allow.
    """
    if policies.blocked:
        raise DiagnosticsError(policies.blocked)
    for page in pages:
        page.html = _inserted(page.html, policies.metas[page.rel])
    (site_dir / HEADERS_FILE).write_text(headers_text(policies.script_hashes), encoding="utf-8")


@dataclass(frozen=True)
class Rule:
    """One rule of a `_headers` file: the paths it matches, and the headers it sends."""

    pattern: re.Pattern
    headers: tuple[tuple[str, str], ...]


def read_headers(text: str) -> list[Rule]:
    """Parse a `_headers` file as Netlify and Cloudflare Pages do: a path (`*` matches anything, `:name` one
    part of the path) on its own line, then its headers indented, `Name: value`. Comments start with #."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            if not line.startswith("/"):
                raise ValueError(f"{HEADERS_FILE}:{number}: expected a path starting with /, found {line!r}")
            rules.append((line.strip(), []))
            continue
        name, colon, value = line.strip().partition(":")
        if not rules or not colon or not name.strip():
            raise ValueError(
                f"{HEADERS_FILE}:{number}: expected an indented 'Name: value' under a path, found {line!r}"
            )
        rules[-1][1].append((name.strip(), value.strip()))
    return [Rule(_path_pattern(path), tuple(headers)) for path, headers in rules]


def _path_pattern(path: str) -> re.Pattern:
    parts = re.split(r"(\*|:\w+)", path)
    return re.compile(
        "".join(".*" if part == "*" else "[^/]+" if part.startswith(":") else re.escape(part) for part in parts if part)
    )


def headers_for(rules: list[Rule], path: str) -> list[tuple[str, str]]:
    """The headers sent with the file at `path`: those of every rule that matches it, in order; a header
    named by several rules is sent once, their values joined with commas."""
    sent: dict[str, tuple[str, list[str]]] = {}
    for rule in rules:
        if rule.pattern.fullmatch(path):
            for name, value in rule.headers:
                sent.setdefault(name.lower(), (name, []))[1].append(value)
    return [(name, ", ".join(values)) for name, values in sent.values()]
