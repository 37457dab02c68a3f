"""The Content-Security-Policy in every page and in `_headers`, the headers served with it, and
/.well-known/security.txt."""

from __future__ import annotations

import base64
import datetime
import gzip
import hashlib
import urllib.error
import urllib.request
import zipfile

import markdown
import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from selectolax.lexbor import LexborHTMLParser

from conftest import FIXTURE_LANGUAGES, FIXTURE_TODAY, REPO, mkdocs_yml
from haven.core.diagnostics import DiagnosticsError
from haven.publish import builtpages, offline, policy, securitytxt
from haven.publish.serving import Server
from haven.sources import site as site_module

PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A page</title>'
    '<link rel="stylesheet" href="s.css"><style media="print">@page{margin:1cm}</style>'
    '<script>var a = 1;</script><script id="__config" type="application/json">{"b": 2}</script>'
    '<script src="x.js" defer></script></head><body><p>Text</p><script>go("é")</script></body></html>'
)


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def policy_of(html: str) -> dict[str, set[str]]:
    metas = LexborHTMLParser(html).css("meta[http-equiv='Content-Security-Policy']")
    assert len(metas) == 1
    return policy.directives(metas[0].attributes["content"])


def test_a_page_gets_one_policy_first_in_its_head_naming_each_inline_script_and_style():
    html, script_hashes = policy.with_policy(PAGE)
    assert html.startswith(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="'
    )
    assert html.replace(html[html.index("<meta http-equiv") : html.index("<title>")], "") == PAGE
    found = policy_of(html)
    assert found["script-src"] == {"'self'", "'report-sample'", sha256("var a = 1;"), sha256('go("é")')}
    assert found["style-src"] == {"'self'", "'report-sample'", sha256("@page{margin:1cm}")}
    assert script_hashes == [sha256("var a = 1;"), sha256('go("é")')]  # the JSON data block runs not: no hash
    assert found["default-src"] == {"'self'"} and found["object-src"] == {"'none'"}
    assert "frame-ancestors" not in found  # browsers ignore it in a <meta>, with a warning
    assert policy.page_problems(html) == []


def test_what_a_pages_policy_does_not_cover_is_named():
    assert policy.page_problems(PAGE) == ["no Content-Security-Policy <meta>"]
    html, _ = policy.with_policy(PAGE)
    injected = html.replace(
        "</body>", '<script>track()</script><div style="color:red" onclick="x()">!</div><style>p{}</style></body>'
    )
    assert policy.page_problems(injected) == [
        "an inline <script> without its hash in the policy: 'track()'",
        "an inline <style> without its hash in the policy: 'p{}'",
        'style="color:red" on <div>, which the policy blocks',
        'onclick="x()" on <div>, which the policy blocks',
    ]
    late = PAGE.replace('<meta charset="utf-8">', "").replace(
        "</head>", html[html.index("<meta http") : html.index("<title>")] + "</head>"
    )
    assert policy.page_problems(late) == [
        "a <link> comes before the Content-Security-Policy <meta>, which cannot cover it"
    ]
    twice = html.replace("<title>", html[html.index("<meta http") : html.index("<title>")] + "<title>")
    assert policy.page_problems(twice) == ["2 Content-Security-Policy <meta> elements, not one"]


def test_a_page_with_a_policy_or_without_a_head_is_refused():
    html, _ = policy.with_policy(PAGE)
    with pytest.raises(ValueError, match="already has a Content-Security-Policy"):
        policy.with_policy(html)
    with pytest.raises(ValueError, match="has no <head>"):
        policy.with_policy("<p>Text</p>")


def test_a_style_attribute_stops_the_build_naming_the_page(tmp_path):
    (tmp_path / "es" / "about").mkdir(parents=True)
    (tmp_path / "es" / "about" / "index.html").write_text(PAGE.replace("<p>", '<p style="color:red">'))
    with pytest.raises(DiagnosticsError) as raised:
        pages = builtpages.read(tmp_path)
        policy.write(tmp_path, pages, policy.read(pages, {"es/about/index.html": "docs/es/about.md"}.get))
    assert [d.format() for d in raised.value.diagnostics] == [
        'docs/es/about.md:1: H096 the built page has style="color:red" on <p>, which the site\'s '
        "Content-Security-Policy blocks (hint: give the element a class and style it in "
        "overrides/assets/stylesheets/haven.css; scripts go in overrides/assets/javascripts/)"
    ]
    assert not (tmp_path / policy.HEADERS_FILE).exists()


def test_aligned_table_columns_are_built_without_a_style_attribute():
    config = load_config(str(REPO / "mkdocs.yml"))
    html = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs).convert(
        "| State | Cost |\n|:--|--:|\n| IL | $0 |\n"
    )
    assert '<td align="right">$0</td>' in html and "style=" not in html


def test_headers_name_the_sites_inline_scripts_and_what_only_a_header_can_say():
    text = policy.headers_text([sha256("b()"), sha256("a()"), sha256("b()")])
    rules = policy.read_headers(text)
    sent = dict(policy.headers_for(rules, "/es/rights/at-home/"))
    assert sent == dict(policy.headers_for(rules, "/assets/javascripts/workers/search.js"))  # one rule: every file
    found = policy.directives(sent["Content-Security-Policy"])
    assert found["script-src"] == {"'self'", "'report-sample'", sha256("a()"), sha256("b()")}
    # Inline styles differ on every page: the header leaves them to each page's own policy.
    assert found["style-src"] == {"'self'", "'report-sample'", "'unsafe-inline'"}
    assert found["frame-ancestors"] == {"'none'"} and found["object-src"] == {"'none'"}
    assert sent["Referrer-Policy"] == "no-referrer"
    assert sent["X-Content-Type-Options"] == "nosniff"
    assert {"camera=()", "microphone=()", "geolocation=()"} <= set(sent["Permissions-Policy"].split(", "))
    assert all(len(line) <= policy.HEADER_LINE_LIMIT for line in text.splitlines())


def test_headers_rules_match_paths_as_netlify_and_cloudflare_do():
    rules = policy.read_headers(
        "# comment\n/*\n  X-A: 1\n/assets/*\n  X-A: 2\n  X-B: b: c\n/:lang/offline/\n  X-C: c\n"
    )
    assert policy.headers_for(rules, "/") == [("X-A", "1")]
    assert policy.headers_for(rules, "/assets/x.css") == [("X-A", "1, 2"), ("X-B", "b: c")]
    assert policy.headers_for(rules, "/es/offline/") == [("X-A", "1"), ("X-C", "c")]
    assert policy.headers_for(rules, "/es/x/offline/") == [("X-A", "1")]
    with pytest.raises(ValueError, match=r"_headers:1: expected a path starting with /, found 'assets/\*'"):
        policy.read_headers("assets/*\n  X-A: 1\n")
    with pytest.raises(ValueError, match="_headers:1: expected an indented 'Name: value' under a path"):
        policy.read_headers("  X-A: 1\n")
    with pytest.raises(ValueError, match="_headers:2: expected an indented 'Name: value'"):
        policy.read_headers("/*\n  no colon\n")


def test_the_server_sends_the_headers_of_the_headers_file_as_a_host_would(tmp_path):
    (tmp_path / "index.html").write_text("<p>Hi</p>")
    (tmp_path / "qr.png").write_bytes(b"\x89PNG")
    (tmp_path / policy.HEADERS_FILE).write_text("/*\n  X-Frame-Options: DENY\n/qr.png\n  Cache-Control: max-age=60\n")
    server = Server(tmp_path)
    try:
        compressed = urllib.request.urlopen(urllib.request.Request(server.url, headers={"Accept-Encoding": "gzip"}))
        assert compressed.headers["X-Frame-Options"] == "DENY" and gzip.decompress(compressed.read()) == b"<p>Hi</p>"
        picture = urllib.request.urlopen(server.url + "qr.png")
        assert picture.headers["X-Frame-Options"] == "DENY" and picture.headers["Cache-Control"] == "max-age=60"
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(server.url + "gone/")
        assert missing.value.code == 404 and missing.value.headers["X-Frame-Options"] == "DENY"
    finally:
        server.close()


def test_every_built_page_has_one_policy_before_its_code_naming_each_inline_script_and_style(real_site):
    site_dir, _ = real_site
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 200
    script_hashes = set()
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert policy.page_problems(html) == [], path  # no style= attributes either (aligned table columns)
        tree = LexborHTMLParser(html)
        first, second = tree.css("head > *")[:2]
        assert "charset" in first.attributes and second.attributes.get("http-equiv") == "Content-Security-Policy"
        script_hashes.update(policy.source_hash(script) for script in policy.inline_code(tree)[0])
    # Material's three inline scripts, one of them holding the page's depth: a handful for the whole site.
    assert 2 < len(script_hashes) < 12
    rules = policy.read_headers((site_dir / policy.HEADERS_FILE).read_text(encoding="utf-8"))
    sent = dict(policy.headers_for(rules, "/ar/rights/at-home/"))
    assert policy.directives(sent["Content-Security-Policy"])["script-src"] == {
        "'self'",
        "'report-sample'",
        *script_hashes,
    }


def test_the_offline_packs_carry_no_policy(real_site):
    # Opened from files: 'self' means different things to different browsers there (haven/publish/finishing.py).
    site_dir, _ = real_site
    with zipfile.ZipFile(site_dir / offline.FOLDER / offline.pack_name("es")) as pack:
        pages = [name for name in pack.namelist() if name.endswith(".html")]
        assert pages and not [name for name in pages if b"Content-Security-Policy" in pack.read(name)]


def test_security_txt_names_the_configured_contact_and_expires_within_a_year(fixture_site, monkeypatch):
    contact = "https://github.com/haven-example/haven/security/advisories/new"
    monkeypatch.setenv("HAVEN_SECURITY_CONTACT", contact)
    (fixture_site.root / "data" / "redirects.yml").write_text(
        "redirects:\n  - from: rights/raids.md\n    to: rights/at-home.md\n"
    )
    assert fixture_site.build() == 0
    text = (fixture_site.site_dir / ".well-known" / "security.txt").read_text(encoding="utf-8")
    fields = dict(line.split(": ", 1) for line in text.splitlines() if not line.startswith("#"))
    assert fields.pop("Contact") == contact
    # A day short of a year after the day of the build.
    assert fields.pop("Expires") == f"{datetime.date.fromisoformat(FIXTURE_TODAY) + securitytxt.LIFETIME}T00:00:00Z"
    assert fields == {"Preferred-Languages": "en", "Canonical": "https://haven.test/.well-known/security.txt"}
    # The pages a moved page leaves behind, and the 404 pages, have their policy too.
    for page in ("rights/raids/", "es/rights/raids/", "404.html", "ar/404.html"):
        assert policy.page_problems(fixture_site.html(page)) == [], page


def test_without_a_contact_no_security_txt_is_written_and_a_wrong_one_stops_the_build(tmp_path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text(mkdocs_yml(FIXTURE_LANGUAGES), encoding="utf-8")
    line = next(i for i, text in enumerate(config.read_text().splitlines(), 1) if "security_contact:" in text)
    monkeypatch.delenv("HAVEN_SECURITY_CONTACT", raising=False)
    securitytxt.write(tmp_path, site_module.load(config), datetime.date(2026, 11, 28))
    assert not (tmp_path / ".well-known").exists()
    for usable in ("mailto:security@haven.example", "tel:+1-312-555-0100"):
        monkeypatch.setenv("HAVEN_SECURITY_CONTACT", usable)
        assert site_module.load(config).security_contact == usable
    for wrong in ("security@haven.example", "http://haven.example/security", "https://", "mailto:nobody"):
        monkeypatch.setenv("HAVEN_SECURITY_CONTACT", wrong)
        with pytest.raises(DiagnosticsError) as raised:
            site_module.load(config)
        assert (
            raised.value.diagnostics[0]
            .format()
            .startswith(f"mkdocs.yml:{line}: H097 {wrong!r} is not an address security.txt can give as a contact")
        )


def test_a_served_security_txt_without_a_contact_or_past_its_expiry_is_named():
    written = securitytxt.text("mailto:security@haven.example", None, datetime.date(2026, 11, 28), "en")
    assert securitytxt.problems(written, datetime.datetime(2027, 11, 26, 23, tzinfo=datetime.UTC)) == []
    assert securitytxt.problems(written, datetime.datetime(2027, 11, 27, tzinfo=datetime.UTC)) == [
        "it expired on 2027-11-27T00:00:00Z: build and publish the site again"
    ]
    assert securitytxt.problems("# nothing\nExpires: soon\n", datetime.datetime.now(datetime.UTC)) == [
        "it names no Contact",
        "it has no Expires date that can be read",
    ]


def test_pages_served_by_mkdocs_serve_get_no_policy_that_would_block_its_live_reload(fixture_site):
    config = load_config(str(fixture_site.config), site_dir=str(fixture_site.site_dir))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()  # as `mkdocs serve` does: MkDocs keeps the plugin for the whole process
    assert "Content-Security-Policy" not in fixture_site.html("rights/at-home/")
    assert not (fixture_site.site_dir / policy.HEADERS_FILE).exists()
