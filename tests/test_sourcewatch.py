"""`haven sources` against sources served over HTTPS from 127.0.0.1 only: moved, gone, changed, slow,
huge, PDF, and a host that does not answer. The server's certificate authority reaches httpx through
SSL_CERT_FILE, as a network with its own authority would."""

from __future__ import annotations

import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import trustme

from haven.checks import sourcewatch
from haven.checks.sourcewatch import Citation
from haven.commands.cli import main

QUOTE = "Adults must carry proof of registration at all times."
# The quote as a web page may set it: curly quotes, a line break, a soft hyphen, extra spaces.
PAGE = (
    "<html><head><style>p{}</style><script>var x = 1;</script></head><body><p>Adults must carry "
    "proof of regis\u00adtration\n   at all times.</p></body></html>"
).encode()


def pdf(*lines: str) -> bytes:
    """A one-page PDF whose text is `lines` (Helvetica), with a correct cross-reference table."""
    text = " 0 -14 Td ".join(f"({line}) Tj" for line in lines)
    stream = f"BT /F1 12 Tf 72 720 Td {text} ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


ROUTES = {
    "/ok": (200, "text/html; charset=utf-8", PAGE),
    "/changed": (200, "text/html", b"<html><body><p>Registration rules changed.</p></body></html>"),
    "/gone": (404, "text/html", b"<html><body>Not found</body></html>"),
    "/rule.pdf": (200, "application/pdf", pdf("Adults must carry proof of regis-", "tration at all times.")),
    "/broken.pdf": (200, "application/pdf", b"%PDF-1.4 this is not really a PDF"),
    "/huge": (200, "text/html", b"<p>" + b"x" * 5000 + QUOTE.encode() + b"</p>"),
}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        if self.path in ("/moved", "/folder"):
            self.send_response(301)
            self.send_header("Location", "/elsewhere" if self.path == "/moved" else "/folder/")
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(3)
        status, kind, body = ROUTES.get(self.path, (200, "text/html", PAGE))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def https(tmp_path_factory):
    """A local HTTPS server and the file of the authority that signed its certificate."""
    authority = trustme.CA()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(tls)
    server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    ca_file = tmp_path_factory.mktemp("ca") / "ca.pem"
    authority.cert_pem.write_to_path(str(ca_file))
    yield f"https://127.0.0.1:{server.server_address[1]}", ca_file
    server.shutdown()


@pytest.fixture
def trusted(https, monkeypatch):
    base, ca_file = https
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    return base


def findings(*citations: Citation) -> list[str]:
    return [finding.format() for finding in sorted(sourcewatch.check(list(citations)))]


def test_a_page_that_still_says_the_quote_raises_nothing_across_spacing_and_hyphenation(trusted):
    assert findings(
        Citation("docs/en/a.md", 5, f"{trusted}/ok", QUOTE),
        Citation("docs/en/a.md", 9, f"{trusted}/ok", "Adults must carry “proof” of registration"),
    ) == [
        f"docs/en/a.md:9: H112 the quoted sentence is no longer on {trusted}/ok (hint: read the page: if it changed "
        "what it says, change the page that cites it (and raise legal_version); if it only reworded it, copy the "
        "new sentence into quote:)"
    ]


def test_curly_quotes_and_dashes_in_a_quote_match_straight_ones_on_the_page():
    assert sourcewatch.normalize("“It’s  a judge’s warrant” – signed") in sourcewatch.normalize(
        "\"It's a judge's warrant\" - signed by a judge"
    )


def test_a_quote_in_a_pdf_is_found_across_a_hyphenated_line_break(trusted):
    assert findings(Citation("docs/en/a.md", 5, f"{trusted}/rule.pdf", QUOTE)) == []


def test_moved_gone_changed_and_unreadable_sources_are_each_named_once(trusted):
    assert findings(
        Citation("docs/en/a.md", 5, f"{trusted}/moved", QUOTE),
        Citation("docs/en/a.md", 9, f"{trusted}/gone", QUOTE),
        Citation("docs/en/a.md", 13, f"{trusted}/changed", QUOTE),
        Citation("docs/en/a.md", 17, f"{trusted}/broken.pdf", QUOTE),
        Citation("docs/en/a.md", 21, f"{trusted}/folder", QUOTE),
    ) == [
        f"docs/en/a.md:5: H111 the source {trusted}/moved now leads to {trusted}/elsewhere (hint: check that the "
        "new page still says the same, then cite its address)",
        f"docs/en/a.md:9: H110 the source {trusted}/gone answered HTTP 404 (hint: open it in a browser; if the page "
        "moved, cite its new address, and if it is gone, find another page that says the same or remove what rests "
        "on it)",
        f"docs/en/a.md:13: H112 the quoted sentence is no longer on {trusted}/changed (hint: read the page: if it "
        "changed what it says, change the page that cites it (and raise legal_version); if it only reworded it, "
        "copy the new sentence into quote:)",
        f"docs/en/a.md:17: H110 the source {trusted}/broken.pdf sent a PDF that cannot be read (hint: open it in a "
        "browser; if the page moved, cite its new address, and if it is gone, find another page that says the same "
        "or remove what rests on it)",
    ]


def test_a_slow_source_ends_at_its_timeout_and_an_unreachable_host_stops_nothing(trusted, monkeypatch):
    monkeypatch.setattr(sourcewatch, "TIMEOUT", 1.0)
    result = findings(
        Citation("docs/en/a.md", 5, f"{trusted}/slow", QUOTE),
        Citation("docs/en/a.md", 9, "https://127.0.0.1:9/", QUOTE),
        Citation("docs/en/a.md", 13, f"{trusted}/ok", QUOTE),
    )
    assert next(line.split(" (hint")[0] for line in result) == (
        f"docs/en/a.md:5: H110 the source {trusted}/slow did not answer within 1 seconds"
    )
    assert result[1].startswith("docs/en/a.md:9: H110 the source https://127.0.0.1:9/ could not be reached (Connect")
    assert len(result) == 2


def test_a_huge_source_is_read_only_up_to_the_limit(trusted, monkeypatch):
    monkeypatch.setattr(sourcewatch, "MAX_BYTES", 1000)
    assert [line.split(":")[2] for line in findings(Citation("docs/en/a.md", 5, f"{trusted}/huge", QUOTE))] == [
        " H112 the quoted sentence is no longer on https"
    ]


def test_without_the_authority_the_certificate_is_refused(https, monkeypatch):
    base, _ = https
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    assert "could not be reached (ConnectError" in findings(Citation("docs/en/a.md", 5, f"{base}/ok", QUOTE))[0]


def test_the_command_checks_the_given_pages_and_exits_non_zero_on_findings(fixture_site, trusted, capsys):
    page = fixture_site.write(
        "en/papers.md",
        f"""---
title: Papers
reviewed: 2026-11-01
sources:
  - name: "Registration"
    url: {trusted}/ok
    kind: government
    checked: 2026-11-01
    quote: "{QUOTE}"
  - name: "Old page"
    url: {trusted}/gone
    kind: government
    checked: 2026-11-01
    quote: "{QUOTE}"
---

# Papers
""",
    )
    code = main(["-f", str(fixture_site.config), "sources", str(page)])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert [line.split(" (hint")[0] for line in out] == [
        f"docs/en/papers.md:10: H110 the source {trusted}/gone answered HTTP 404",
        "1 finding in 2 source addresses",
    ]
    fixture_site.write("en/papers.md", page.read_text(encoding="utf-8").replace("/gone", "/rule.pdf"))
    assert main(["-f", str(fixture_site.config), "sources", str(page)]) == 0
    assert capsys.readouterr().out.splitlines() == ["0 findings in 2 source addresses"]
