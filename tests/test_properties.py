"""Whatever an editor writes, Haven answers with findings or a site: never a traceback, never a partial site,
never exit 0 with a page that runs code or loads from elsewhere (Hypothesis generates the inputs).

The examples are derandomized, so every run tries the same inputs and a failure repeats.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from haven.core import safehtml, schemes, textfile, yamlsource
from haven.core.diagnostics import DiagnosticsError
from haven.sources import frontmatter, segments
from test_bad_inputs import HEADER, make

QUICK = settings(derandomize=True, max_examples=300, deadline=None)
BUILDS = settings(
    derandomize=True,
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Pieces editors and attackers write, so that generated text reaches the interesting cases quickly.
YAML_PIECES = st.sampled_from(
    [
        "title: ",
        "reviewed: ",
        "- ",
        "  ",
        "\t",
        ":",
        "&a ",
        "*a",
        "[",
        "]",
        "{",
        "}",
        '"',
        "'",
        "#",
        "\n",
        "no",
        "01234",
        "1e3",
        "2026-13-45",
        "<b>",
        "|",
        ">",
        "!!str ",
        "é",
        "\u202e",
        "\ufeff",
        "\r",
        "---",
        "...",
    ]
)
HTML_PIECES = st.sampled_from(
    [
        "<",
        ">",
        "</",
        "a",
        "img",
        "script",
        "svg",
        "iframe",
        " href=",
        " src=",
        " srcset=",
        " onclick=",
        " style=",
        '"',
        "'",
        "javascript:",
        "JaVa&#115;cript:",
        "data:",
        "//",
        "https://t.example/p",
        "&#x3a;",
        "\t",
        "\n",
        "x.png",
        " ",
        "=",
        "<!--",
        "-->",
        "<a href=",
        "<img src=",
        "&",
        ";",
        "vbscript:",
        "\x00",
    ]
)


def texts(pieces) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(pieces, st.text(max_size=4)), max_size=40).map("".join)


@QUICK
@given(texts(YAML_PIECES))
def test_any_yaml_is_read_or_refused_with_findings(text):
    try:
        doc = yamlsource.parse(text, "data/x.yml")
    except DiagnosticsError as exc:
        assert exc.diagnostics and all(d.path == "data/x.yml" and d.line >= 1 for d in exc.diagnostics)
        return
    assert _plain(doc.data)


def _plain(data) -> bool:
    """Only what an editor typed: text, lists and mappings of text; no number, date or object."""
    if isinstance(data, dict):
        return all(isinstance(key, str) and _plain(value) for key, value in data.items())
    if isinstance(data, list):
        return all(_plain(value) for value in data)
    return data is None or isinstance(data, str)


@QUICK
@given(st.binary(max_size=200) | texts(YAML_PIECES).map(lambda text: ("---\n" + text).encode()))
def test_any_file_is_read_as_a_page_or_refused_with_findings(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("page") / "page.md"
    path.write_bytes(data)
    try:
        page = frontmatter.split(textfile.read_text(path, "docs/en/page.md"), "docs/en/page.md")
    except DiagnosticsError as exc:
        assert exc.diagnostics
        return
    assert page.body_line >= 1


@QUICK
@given(texts(HTML_PIECES))
def test_content_the_allowlist_lets_through_runs_nothing_and_loads_nothing_from_elsewhere(html):
    if safehtml.content_problems(html):
        return
    for node in LexborHTMLParser(f"<body>{html}</body>").body.traverse():
        assert node.tag not in {"script", "iframe", "svg", "style", "object", "embed", "form", "link", "meta"}
        for name, value in node.attributes.items():
            assert not name.lower().startswith("on") and name.lower() != "style"
            assert not schemes.is_unsafe(value or "")
            if name.lower() in ("src", "srcset", "poster"):
                assert not any(
                    safehtml.is_elsewhere(part.strip().split(" ")[0])
                    for part in (value or "").split(",")
                    if part.strip()
                )


BODY_PIECES = st.sampled_from(
    [
        "# Title\n",
        "Keep the door closed.\n",
        "\n",
        "- item\n",
        "[a](at-work.md)\n",
        "[b](javascript:alert(1))\n",
        "<script>x()</script>\n",
        "![p](https://t.example/p.gif)\n",
        '<p onclick="x()">a</p>\n',
        "!!! tip\n    Stay.\n",
        "<div markdown>\n*x*\n</div>\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "`<script>`\n",
        "<!-- note -->\n",
        "é\r\n",
    ]
)


@BUILDS
@given(
    header=st.sampled_from(
        [
            HEADER,
            HEADER.replace("reviewed: 2026-11-01", "reviewed: 2026-02-30"),
            HEADER.replace("title: ", "title: <b>"),
            HEADER.replace("sources:", "source:"),
            HEADER.replace("  - name", "\t- name"),
            "\ufeff" + HEADER,
        ]
    ),
    body=st.lists(BODY_PIECES, max_size=6).map("".join),
)
def test_a_build_publishes_a_safe_site_or_nothing(tmp_path_factory, header, body):
    site = make(tmp_path_factory.mktemp("site"))
    site.write("en/rights/at-home.md", header + "\n" + body)
    before = _digest(site.site_dir)
    code = site.build()
    assert code in (0, 1)
    if code == 1:
        assert _digest(site.site_dir) == before  # the last good site, whole
        return
    page = (site.site_dir / "rights" / "at-home" / "index.html").read_text(encoding="utf-8")
    article = LexborHTMLParser(page).css_first("article")
    assert not article.css("script") and "t.example" not in article.html
    assert not any(schemes.is_unsafe(node.attributes.get("href") or "") for node in article.css("a"))


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


MARKDOWN_PIECES = st.sampled_from(
    [
        "# ",
        "## ",
        "- ",
        "1. ",
        "    ",
        "  ",
        "\t",
        "\n",
        "\n\n",
        "|",
        "---",
        "!!! tip ",
        '"',
        "??? ",
        "<!-- ",
        "-->",
        "<div markdown>",
        "```",
        "{ #id }",
        "[a](b.md)",
        "`|`",
        "\\|",
        "word",
        "é",
        "\r",
        " ",
    ]
)


@QUICK
@given(st.lists(MARKDOWN_PIECES, max_size=40).map("".join))
def test_any_page_body_is_cut_into_texts_and_put_back_byte_for_byte(body: str):
    pieces = segments.segment(body)
    assert segments.render(pieces) == body
    assert all(unit.text.strip() and unit.text == unit.text.rstrip() for unit in segments.units(pieces))
