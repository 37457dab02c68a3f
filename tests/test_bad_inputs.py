"""What a hostile or careless change gets from `haven build`: one exact line per problem, exit 1, and the
last good site left exactly as it was. Then what harmless differences between editors get: a site."""

from __future__ import annotations

import hashlib
import os
import re
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ENGLISH_AT_HOME, FixtureSite, mkdocs_yml
from haven.core import deadline

LANGUAGES = {"en": "English", "es": "Español"}
LAST_GOOD = "<!doctype html><title>The last good site</title>\n"
HEADER = ENGLISH_AT_HOME[: ENGLISH_AT_HOME.index("---", 4) + 4]  # the at-home page's front matter
AT_HOME = "docs/en/rights/at-home.md"


def page(body: str, header: str = HEADER) -> str:
    """The at-home page with this body; its body starts on line 12."""
    return header + "\n" + textwrap.dedent(body)


def make(root: Path) -> FixtureSite:
    site = FixtureSite(root, LANGUAGES)
    site.site_dir.mkdir()
    (site.site_dir / "index.html").write_text(LAST_GOOD, encoding="utf-8")
    return site


@dataclass(frozen=True)
class Case:
    name: str
    setup: Callable[[FixtureSite], object]
    expected: list[str]  # the build's report, every line


def at_home(body: str) -> Callable[[FixtureSite], object]:
    return lambda site: site.write("en/rights/at-home.md", page(body))


def at_home_text(text: str) -> Callable[[FixtureSite], object]:
    return lambda site: site.write("en/rights/at-home.md", text)


def raw(rel: str, data: bytes) -> Callable[[FixtureSite], object]:
    def write(site: FixtureSite) -> None:
        path = site.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    return write


def data_file(rel: str, text: str) -> Callable[[FixtureSite], object]:
    return raw(rel, textwrap.dedent(text).encode())


def symlink(rel: str, target: str) -> Callable[[FixtureSite], object]:
    def link(site: FixtureSite) -> None:
        path = site.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target)

    return link


def fifo(rel: str) -> Callable[[FixtureSite], object]:
    return lambda site: os.mkfifo(site.root / rel)


def header_with(field: str) -> Callable[[FixtureSite], object]:
    """The at-home page with one more front-matter line, on line 10."""
    text = (
        HEADER.replace("    quote:", f"{field}\n    quote:", 1)
        if field.startswith("    ")
        else HEADER.replace("---\n", f"---\n{field}\n", 1)
    )
    return lambda site: site.write("en/rights/at-home.md", page("Keep the door closed.\n", text))


CONTENT_HINT = "pages hold text, lists, tables, links and this site's own pictures; remove the <{}>"
ELSEWHERE = "which would tell that site who reads the page (hint: put the file in docs/ and link to it there)"
UNSAFE_HINT = "(hint: link to a page or an https:// address instead)"
ATTRIBUTE = "which Haven does not publish (hint: remove the attribute)"


def content(line: int, tag: str) -> str:
    return (
        f"{AT_HOME}:{line}: H120 the page holds <{tag}>, which Haven does not publish "
        f"(hint: {CONTENT_HINT.format(tag)})"
    )


CASES = [
    Case("script", at_home("<script>alert(document.cookie)</script>\n"), [content(12, "script")]),
    Case(
        "script-inside-markdown-text",
        at_home("Keep the door <script>steal()</script> closed.\n"),
        [content(12, "script")],
    ),
    Case("iframe", at_home('<iframe src="https://video.example/x"></iframe>\n'), [content(12, "iframe")]),
    Case("object", at_home('<object data="x.swf"></object>\n'), [content(12, "object")]),
    Case("embed", at_home('Text.\n\n<embed src="x.swf">\n'), [content(14, "embed")]),
    Case(
        "form",
        at_home('<form action="https://collect.example/"><input name="a-number"></form>\n'),
        [content(12, "form"), content(12, "input")],
    ),
    Case(
        "meta-refresh",
        at_home('<meta http-equiv="refresh" content="0; url=https://elsewhere.example/">\n'),
        [content(12, "meta")],
    ),
    Case(
        "stylesheet-from-elsewhere",
        at_home('<link rel="stylesheet" href="https://cdn.example/x.css">\n'),
        [content(12, "link")],
    ),
    Case(
        "style-element",
        at_home("<style>body { background: url(https://t.example/p) }</style>\n"),
        [content(12, "style")],
    ),
    Case("svg", at_home("<svg><script>alert(1)</script></svg>\n"), [content(12, "script"), content(12, "svg")]),
    Case(
        "event-handler",
        at_home('<p onclick="steal()">Keep the door closed.</p>\n'),
        [
            f"{AT_HOME}:12: H121 <p> has the attribute 'onclick', which Haven does not publish "
            "(hint: pages hold text and links only; scripts go in overrides/assets/javascripts/)"
        ],
    ),
    Case(
        "style-attribute",
        at_home('<p style="color: red">Keep the door closed.</p>\n'),
        [
            f"{AT_HOME}:12: H121 <p> has the attribute 'style', which Haven does not publish "
            "(hint: give the element a class and style it in overrides/assets/stylesheets/haven.css)"
        ],
    ),
    Case(
        "ping-attribute",
        at_home('<a href="at-work.md" ping="https://t.example/">Work</a>\n'),
        [f"{AT_HOME}:12: H121 <a> has the attribute 'ping', {ATTRIBUTE}"],
    ),
    Case(
        "target-attribute",
        at_home('<a href="at-work.md" target="_blank">Work</a>\n'),
        [f"{AT_HOME}:12: H121 <a> has the attribute 'target', {ATTRIBUTE}"],
    ),
    Case(
        "picture-from-elsewhere",
        at_home("![A tracking pixel](https://tracker.example/p.gif)\n"),
        [f"{AT_HOME}:12: H122 <img> loads https://tracker.example/p.gif from another site, {ELSEWHERE}"],
    ),
    Case(
        "picture-from-elsewhere-without-scheme",
        at_home('<img src="//tracker.example/p.gif" alt="">\n'),
        [f"{AT_HOME}:12: H122 <img> loads //tracker.example/p.gif from another site, {ELSEWHERE}"],
    ),
    Case(
        "srcset-from-elsewhere",
        at_home('<img src="a.png" srcset="a.png 1x, https://t.example/b.png 2x" alt="">\n'),
        [f"{AT_HOME}:12: H122 <img> loads https://t.example/b.png from another site, {ELSEWHERE}"],
    ),
    Case(
        "video-poster-from-elsewhere",
        at_home('<video src="a.mp4" poster="https://t.example/p.jpg"></video>\n'),
        [f"{AT_HOME}:12: H122 <video> loads https://t.example/p.jpg from another site, {ELSEWHERE}"],
    ),
    Case(
        "javascript-link",
        at_home("[Call us](javascript:alert(1))\n"),
        [
            f"{AT_HOME}:12: H066 unsafe address 'javascript:alert(1)' in <a href>: javascript: addresses can run "
            f"code {UNSAFE_HINT}"
        ],
    ),
    Case(
        "javascript-link-in-entities",
        at_home('<a href="&#106;ava&#x73;cript:alert(1)">Call us</a>\n'),
        [
            f"{AT_HOME}:12: H066 unsafe address 'javascript:alert(1)' in <a href>: javascript: addresses can run "
            f"code {UNSAFE_HINT}"
        ],
    ),
    Case(
        "vbscript-link-with-a-tab",
        at_home('<a href="VB&#9;Script:msgbox(1)">Call us</a>\n'),
        [
            f"{AT_HOME}:12: H066 unsafe address 'VB\\tScript:msgbox(1)' in <a href>: vbscript: addresses can run "
            f"code {UNSAFE_HINT}"
        ],
    ),
    Case(
        "data-link",
        at_home("[Open](data:text/html;base64,PHNjcmlwdD4=)\n"),
        [
            f"{AT_HOME}:12: H066 unsafe address 'data:text/html;base64,PHNjcmlwdD4=' in <a href>: data: addresses "
            f"can run code {UNSAFE_HINT}"
        ],
    ),
    Case(
        "yaml-anchor-and-alias",
        data_file(
            "data/notices.yml",
            """\
        notices:
          - &a {id: x}
          - *a
        """,
        ),
        [
            "data/notices.yml:2: H004 '&a' is a YAML anchor; Haven reads no anchors or aliases "
            "(hint: write each value out in full where it is used)"
        ],
    ),
    Case(
        "billion-laughs",
        data_file(
            "data/notices.yml",
            "a: &a [x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
                for i in range(20)
            ),
        ),
        [
            "data/notices.yml:1: H004 '&a' is a YAML anchor; Haven reads no anchors or aliases "
            "(hint: write each value out in full where it is used)"
        ],
    ),
    Case(
        "deep-nesting",
        data_file("data/notices.yml", "notices: " + "[" * 40 + "]" * 40 + "\n"),
        [
            "data/notices.yml:1: H005 this is nested more than 12 levels deep "
            "(hint: no Haven file needs this; check the indentation)"
        ],
    ),
    Case(
        "html-in-a-title",
        header_with('description: "Read this <img src=x onerror=alert(1)>"'),
        [
            f"{AT_HOME}:2: H007 this text holds the HTML tag <img>, which Haven does not publish "
            "(hint: write plain text; Markdown and HTML belong in the page's body)"
        ],
    ),
    Case(
        "link-out-of-the-repository",
        symlink("docs/en/passwords.md", "/etc/passwd"),
        [
            "docs/en/passwords.md:1: H018 this is a symbolic link to /etc/passwd, which is not a file of docs/, "
            "data/ or overrides/ (hint: put the file itself here, not a link to it)"
        ],
    ),
    Case(
        "folder-link-out-of-the-repository",
        symlink("docs/en/home", "/root"),
        [
            "docs/en/home:1: H018 this is a symbolic link to /root, which is not a file of docs/, data/ or "
            "overrides/ (hint: put the file itself here, not a link to it)"
        ],
    ),
    Case(
        "pipe",
        fifo("docs/en/pipe.md"),
        ["docs/en/pipe.md:1: H019 this is not a file (a device, a pipe or a socket) (hint: remove it)"],
    ),
    Case(
        "program-in-docs",
        raw("docs/en/setup.exe", b"MZ\x90\x00"),
        [
            "docs/en/setup.exe:1: H023 docs/ holds no files of the kind '.exe' (hint: docs/ holds only these kinds "
            "of file: .gif, .jpeg, .jpg, .md, .pdf, .png, .svg, .webp)"
        ],
    ),
    Case(
        "html-file-in-docs",
        raw("docs/en/extra.html", b"<script>alert(1)</script>"),
        [
            "docs/en/extra.html:1: H023 docs/ holds no files of the kind '.html' (hint: docs/ holds only these kinds "
            "of file: .gif, .jpeg, .jpg, .md, .pdf, .png, .svg, .webp)"
        ],
    ),
    Case(
        "name-with-spaces-and-capitals",
        lambda site: (site.root / "docs/en/rights/at-home.md").rename(site.root / "docs/en/rights/At Home.md"),
        [
            "docs/en/rights/At Home.md:1: H024 the name 'At Home.md' has capitals, spaces or other signs (hint: "
            "rename it to 'at-home.md': names become addresses, which take lowercase letters, digits and '-' only)"
        ],
    ),
    Case(
        "binary-file-named-md",
        raw("docs/en/rights/at-home.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        [
            f"{AT_HOME}:1: H016 this file holds binary data, not text (hint: pages are text files saved as UTF-8; "
            "put pictures in docs/ under their own names)"
        ],
    ),
    Case(
        "legacy-encoding",
        raw("docs/en/rights/at-home.md", page("Né à Port-au-Prince.\n").encode("latin-1")),
        [
            f"{AT_HOME}:12: H016 this file is not UTF-8 text "
            "(hint: save it as UTF-8 in your editor (often under 'Save with encoding'))"
        ],
    ),
    Case(
        "huge-file",
        raw("docs/en/rights/at-home.md", page("Keep the door closed. " * 50_000).encode()),
        [
            f"{AT_HOME}:1: H017 this file is 1,100 KB, over the 1,000 KB a page or a data file may have "
            "(hint: split it into several pages or files)"
        ],
    ),
    Case(
        "svg-picture-with-a-script",
        raw("docs/en/map.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        [
            "docs/en/map.svg:1: H123 the picture holds a <script> element, which can run code (hint: export the picture again as a plain SVG, or as a PNG)",
        ],
    ),
    Case(
        "svg-picture-linking-out",
        raw(
            "docs/en/map.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" '
            b'xmlns:xlink="http://www.w3.org/1999/xlink"><image '
            b'xlink:href="https://t.example/p.png"/></svg>',
        ),
        [
            "docs/en/map.svg:1: H123 the picture links to https://t.example/p.png, outside the site (hint: export the picture again as a plain SVG, or as a PNG)",
        ],
    ),
    Case(
        "front-matter-never-closed",
        at_home_text("---\ntitle: x\n\n# x\n"),
        [
            "docs/en/rights/at-home.md:1: H010 the front matter that starts here is never closed (hint: add a line with only '---' after the last front-matter field)",
        ],
    ),
    Case(
        "key-twice",
        header_with("title: Again"),
        [
            "docs/en/rights/at-home.md:3: H002 the key 'title' appears twice (hint: keep one of them; YAML would silently use only the last)",
        ],
    ),
    Case(
        "tab-in-front-matter",
        header_with("\ttitle: x"),
        [
            "docs/en/rights/at-home.md:2: H001 this line holds a tab, which YAML does not read as indentation (hint: indent with spaces, two per level)",
        ],
    ),
    Case(
        "impossible-date",
        lambda site: site.write(
            "en/rights/at-home.md", page("x\n", HEADER.replace("reviewed: 2026-11-01", "reviewed: 2026-13-45"))
        ),
        [
            "docs/en/rights/at-home.md:3: H014 reviewed: 2026-13-45 is not a day of the calendar (hint: check the month (01 to 12) and the day (the month's last day at most))",
        ],
    ),
    Case(
        "empty-page",
        raw("docs/en/rights/at-home.md", b""),
        [
            "docs/en/rights/at-home.md:1: H015 this page has no front matter (hint: start the file with '---', a line 'title: …' and the other fields, then '---')",
        ],
    ),
    Case(
        "translation-without-english",
        lambda site: site.write(
            "es/rights/raids.md", "---\ntitle: Redadas\nsource_hash: 0123456789ab\nhuman_reviewed: false\n---\n\nx\n"
        ),
        [
            "docs/es/rights/raids.md:1: H020 there is no English page docs/en/rights/raids.md for this translation (hint: give the file the same path as its English page, or add the English page first)",
        ],
    ),
    Case(
        "phone-number-without-quotes",
        data_file(
            "data/directory/group.yml",
            """\
        id: "group"
        name: "A group"
        kind: "hotline"
        regions: ["IL"]
        services: ["know-your-rights"]
        cost: "free"
        description:
          en: "A hotline."
        phones:
          - number: 3125551234
            source: "https://group.example/contact"
            label:
              en: "Hotline"
        sources: ["https://group.example/contact"]
        verified: 2026-11-01
        """,
        ),
        [
            'data/directory/group.yml:10: H072 the phone number 3125551234 is not in quotes (hint: write it in double quotes, e.g. number: "312-660-1370")',
        ],
    ),
    Case(
        "a-day-that-does-not-exist",
        data_file(
            "data/notices.yml",
            """\
        notices:
          - id: "raid"
            date: 2026-02-30
            expires: 2026-03-30
            text:
              en: "Raids reported."
        """,
        ),
        [
            "data/notices.yml:3: H014 notices.0.date: 2026-02-30 is not a day of the calendar (hint: check the month (01 to 12) and the day (the month's last day at most))",
        ],
    ),
    Case(
        "link-to-no-page-said-once-for-every-language",
        at_home("See [work](at-work.md).\n"),
        [
            f"{AT_HOME}:12: H060 the link 'at-work.md' leads to no page "
            "(hint: check the file name and the folder; link to the page's .md file)"
        ],
    ),
    Case(
        "anchor-a-page-lacks",
        at_home("See [the warrant](../index.md#no-such).\n"),
        [
            f"{AT_HOME}:12: H061 the link '../index.md#no-such' leads to an anchor docs/en/index.md does not have "
            "(hint: copy the anchor from the heading's ¶ link on the built page)"
        ],
    ),
    Case(
        "absolute-link",
        at_home("See [home](/index.md).\n"),
        [
            f"{AT_HOME}:12: H063 the link '/index.md' starts with '/': it leaves the reader's language, and does not "
            "work offline (hint: did you mean '../../index.md'?)"
        ],
    ),
    Case(
        "link-to-a-folder",
        at_home("See [your rights](../rights/).\n"),
        [
            f"{AT_HOME}:12: H060 the link '../rights/' leads to a folder or an address, not to a page's file "
            "(hint: link to the page's .md file with a relative path, e.g. ../rights/at-home.md)"
        ],
    ),
    Case(
        "nav-lists-a-page-that-is-gone",
        lambda site: site.config.write_text(
            mkdocs_yml(LANGUAGES) + "nav:\n  - index.md\n  - rights/at-home.md\n  - Raids: rights/raids.md\n"
        ),
        [
            "mkdocs.yml:47: H029 nav: lists rights/raids.md, which is not a page of docs/en/ "
            "(hint: check the file name and the folder, or add the page)"
        ],
    ),
    Case(
        "notice-id-with-capitals",
        data_file(
            "data/notices.yml",
            """\
        notices:
          - id: "New Rule"
            date: 2026-02-01
            expires: 2026-03-01
            text:
              en: "A new rule."
        """,
        ),
        [
            "data/notices.yml:2: H014 notices.0.id: 'New Rule' is not written the way this field is (hint: lowercase letters, digits and dashes, e.g. 2026-12-new-rule)",
        ],
    ),
    Case(
        "glossary-word-for-a-language-the-site-lacks",
        data_file(
            "data/glossary.yml",
            """\
        terms:
          - id: judicial-warrant
            en: ["judge's warrant"]
            note: "Signed by a judge."
            words:
              es: {use: "orden judicial"}
              fr: {use: "mandat judiciaire"}
        """,
        ),
        [
            "data/glossary.yml:7: H101 the term 'judicial-warrant' has a word for 'fr', which is not a translated language of this site (hint: use one of: es)",
        ],
    ),
    Case(
        "translation-hash-typed-by-hand",
        lambda site: site.write(
            "es/rights/at-home.md", "---\ntitle: En casa\nsource_hash: latest\nhuman_reviewed: false\n---\n\nx\n"
        ),
        [
            "docs/es/rights/at-home.md:3: H014 source_hash: 'latest' is not written the way this field is (hint: run '.venv/bin/haven stamp' on this file to write the current hash)",
        ],
    ),
    Case(
        "a-page-at-two-addresses",
        lambda site: site.write("en/rights/at-home/index.md", ENGLISH_AT_HOME),
        [
            "docs/en/rights/at-home/index.md:1: H027 this page and docs/en/rights/at-home.md would both be published at /rights/at-home/ (hint: keep one of them; merge their text into it)",
        ],
    ),
    Case(
        "a-page-copied-into-a-second-folder",
        lambda site: site.write("en/know/at-home.md", ENGLISH_AT_HOME),
        [
            "docs/en/rights/at-home.md:2: H028 this page has the title 'If agents come to your home', as docs/en/know/at-home.md has (hint: keep one page and link to it, or give each page a title of its own)",
        ],
    ),
    Case(
        "empty-title",
        lambda site: site.write(
            "en/rights/at-home.md", ENGLISH_AT_HOME.replace("title: If agents come to your home", "title:")
        ),
        [
            "docs/en/rights/at-home.md:2: H014 title: this field is empty (hint: write its value after 'title:')",
        ],
    ),
    Case(
        "norwegian-read-as-false",
        lambda site: site.config.write_text(mkdocs_yml(LANGUAGES | {"no": "Norsk"}), encoding="utf-8"),
        [
            'mkdocs.yml:41: H003 MkDocs reads the unquoted locale no as a true/false value, not as text (hint: write it in quotes: locale: "no")',
            "mkdocs.yml:41: H031 the theme has no interface strings for 'no' (hint: add overrides/partials/languages/no.html (translate a copy of overrides/partials/languages/ht.html))",
        ],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_build_refuses_it_in_one_line_and_keeps_the_last_good_site(case, tmp_path, capsys):
    site = make(tmp_path)
    case.setup(site)
    assert refused(site, capsys) == [
        *case.expected,
        f"{len(case.expected)} problem{'s' if len(case.expected) > 1 else ''} found; nothing was published.",
    ]


def refused(site: FixtureSite, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The build's report, once it has stopped with exit 1 and left site/ as it was, with nothing beside it."""
    before = _snapshot(site.root)
    assert site.build() == 1
    assert _snapshot(site.root) == before
    return capsys.readouterr().err.splitlines()


def _snapshot(root: Path) -> dict[str, str]:
    """What stands beside site/, and every file in it with a digest of its bytes."""
    found = {path.name: "" for path in root.iterdir()}
    for path in sorted((root / "site").rglob("*")):
        if path.is_file():
            found[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


HARMLESS_PAGE = page("# If agents come to your home\n\nNé à Port-au-Prince, you keep your rights.\n")
SAVED_AS = {
    "byte-order-mark": lambda text: b"\xef\xbb\xbf" + text.encode(),
    "crlf-line-endings": lambda text: text.replace("\n", "\r\n").encode(),
    "cr-line-endings": lambda text: text.replace("\n", "\r").encode(),
    "no-final-newline": lambda text: text.rstrip("\n").encode(),
    "decomposed-letters": lambda text: unicodedata.normalize("NFD", text).encode(),
    "a-very-long-line": lambda text: (text + "Keep the door closed. " * 20_000 + "\n").encode(),
}


@pytest.mark.parametrize("saved_as", SAVED_AS, ids=list(SAVED_AS))
def test_a_page_saved_by_any_editor_builds_as_it_reads(saved_as, tmp_path):
    site = make(tmp_path)
    (site.root / AT_HOME).write_bytes(SAVED_AS[saved_as](HARMLESS_PAGE))
    assert site.build() == 0
    html = site.html("rights/at-home/")
    assert re.search(r'<h1 id="if-agents-come-to-your-home">If agents come to your home', html)
    assert "Né à Port-au-Prince, you keep your rights." in html  # one form of each letter: NFC
    assert "title:" not in html[html.index("<article") :]  # the front matter is not shown as text


@pytest.mark.parametrize("typed", ["no", "yes", "01234", "1e3", "9:30", "2026-11-01"])
def test_a_title_yaml_would_read_as_another_type_is_published_as_typed(typed, tmp_path):
    site = make(tmp_path)
    site.write("en/rights/at-home.md", ENGLISH_AT_HOME.replace("title: If agents come to your home", f"title: {typed}"))
    assert site.build() == 0
    assert f"<title>{typed} - Haven test</title>" in site.html("rights/at-home/")


def test_a_script_the_page_check_missed_is_never_hashed_into_the_policy_nor_published(tmp_path, capsys, monkeypatch):
    from haven.core import safehtml

    monkeypatch.setattr(safehtml, "content_problems", lambda html: [])  # as if the first check had a gap
    site = make(tmp_path)
    site.write("en/rights/at-home.md", page("Keep the door closed.\n\n<script>steal()</script>\n"))
    assert refused(site, capsys) == [
        f"{AT_HOME}:1: H120 the built page's text holds <script>, which Haven does not publish "
        "(hint: remove the <script> from the page)",
        "1 problem found; nothing was published.",
    ]


def test_a_page_whose_name_ends_in_index_has_an_address_of_its_own(tmp_path):
    site = make(tmp_path)
    for name, title in (("re", "Reentry"), ("reindex", "Reindexing")):
        site.write(f"en/rights/{name}.md", page("Text.\n", HEADER.replace("If agents come to your home", title)))
    assert site.build() == 0
    assert "Reindexing" in site.html("rights/reindex/") and "Reentry" in site.html("rights/re/")


def test_a_page_markdown_would_read_for_hours_stops_the_build_at_the_time_limit(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(deadline, "READING", 2.0)  # 120 s on a real build: far above any real page
    site = make(tmp_path)
    site.write("en/rights/at-home.md", page("[" * 20_000))  # about 80 s for Python-Markdown; 50,000: 9 minutes
    assert refused(site, capsys) == [
        f"{AT_HOME}:1: H025 reading the pages took more than 2 s, and stopped here (hint: look for long runs of "
        "'[' or '<' signs, which Markdown reads very slowly; or split the page)",
        "1 problem found; nothing was published.",
    ]


def test_an_error_of_haven_s_own_is_one_line_asking_for_a_report_never_a_traceback(tmp_path, capsys, monkeypatch):
    from haven.sources import frontmatter

    def broken(text, path):
        raise KeyError("surprise")

    monkeypatch.setattr(frontmatter, "split", broken)
    site = make(tmp_path)
    before = _snapshot(tmp_path)
    assert site.build() == 2
    assert capsys.readouterr().err.splitlines() == [
        "docs/en/index.md:1: H099 Haven stopped on an error of its own (KeyError: 'surprise') "
        "(hint: this is a bug in Haven, not in your change; please report this line to the maintainers)"
    ]
    assert _snapshot(tmp_path) == before


def test_a_page_left_out_of_nav_is_one_finding_at_the_page():
    from conftest import REPO
    from haven.publish import mkdocs_warnings
    from haven.sources import site as site_module

    the_site = site_module.load(REPO / "mkdocs.yml")
    message = (
        'The following pages exist in the docs directory, but are not included in the "nav" configuration:\n'
        "  - en/rights/raids.md\n  - en/help/bond.md"
    )
    assert [d.format() for d in mkdocs_warnings.findings(message, the_site)] == [
        "docs/en/rights/raids.md:1: H026 this page is in no menu: mkdocs.yml's nav: does not list it (hint: add it "
        "under nav: in mkdocs.yml, e.g. '- rights/raids.md', where readers would look for it)",
        "docs/en/help/bond.md:1: H026 this page is in no menu: mkdocs.yml's nav: does not list it (hint: add it "
        "under nav: in mkdocs.yml, e.g. '- help/bond.md', where readers would look for it)",
    ]
    assert mkdocs_warnings.findings("Some other warning", the_site) is None


def test_a_warning_haven_does_not_know_is_one_finding_in_mkdocs_words_at_the_page_it_names(tmp_path):
    from haven.publish import mkdocs_warnings
    from haven.sources import site

    the_site = site.load(make(tmp_path).config)
    assert [
        mkdocs_warnings.unknown(message, the_site).format()
        for message in ["Doc file 'en/rights/at-home.md' contains  something\nnew.", "A plugin is unhappy."]
    ] == [
        "docs/en/rights/at-home.md:1: H090 MkDocs: Doc file 'en/rights/at-home.md' contains something new. "
        "(hint: the build stops on MkDocs' warnings; fix what it names, or ask a maintainer)",
        "mkdocs.yml:1: H090 MkDocs: A plugin is unhappy. "
        "(hint: the build stops on MkDocs' warnings; fix what it names, or ask a maintainer)",
    ]


def test_an_anchor_from_a_page_not_yet_translated_into_a_translated_page_builds_and_checks(tmp_path, capsys):
    site = make(tmp_path)
    site.write(
        "en/index.md",
        page(
            "# Know\n\nRead [the warrant part](rights/at-home.md#ask-to-see-the-warrant).\n",
            HEADER.replace("If agents come to your home", "Know your rights"),
        ),
    )
    site.translate("es", "rights/at-home.md", "En casa", "# En casa\n\n## Pida ver la orden\n")
    assert site.build() == 0  # the Spanish reader of the English stand-in lands at the top of the Spanish page
    assert 'href="rights/at-home/#ask-to-see-the-warrant"' in site.html("es/")
    capsys.readouterr()
    from haven.commands.cli import main

    main(["-f", str(site.config), "check"])
    assert " H061 " not in capsys.readouterr().out
