"""External links, checked against a server of our own on 127.0.0.1 (never the internet)."""

import datetime
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from haven.checks import externals


class Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):
        if self.path == "/no-head":
            self.send_response(405)
        else:
            self.send_response(200 if self.path in ("/ok", "/no-head") else 404)
        self.end_headers()

    def do_GET(self):
        self.send_response(200 if self.path in ("/ok", "/no-head") else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


NOW = datetime.datetime(2026, 11, 28, tzinfo=datetime.UTC)


def test_broken_external_links_are_warnings_where_they_are_written(server, tmp_path):
    places = {
        f"{server}/ok": [("docs/en/a.md", 3)],
        f"{server}/no-head": [("docs/en/a.md", 4)],
        f"{server}/gone": [("docs/en/a.md", 5), ("docs/es/a.md", 7)],
    }
    findings = externals.check(places, tmp_path / "cache.json", NOW, timeout=2)
    assert [f.format() for f in findings] == [
        f"docs/en/a.md:5: H068 warning: the link {server}/gone did not work today (404) "
        "(hint: open it in a browser; if the page moved, link to its new address)",
        f"docs/es/a.md:7: H068 warning: the link {server}/gone did not work today (404) "
        "(hint: open it in a browser; if the page moved, link to its new address)",
    ]


def test_answers_are_cached_for_a_week(server, tmp_path):
    cache = tmp_path / "cache.json"
    places = {f"{server}/gone": [("docs/en/a.md", 5)]}
    externals.check(places, cache, NOW, timeout=2)
    assert json.loads(cache.read_text())[f"{server}/gone"]["result"] == "404"
    # The server is gone: a cached answer is used without asking it again...
    unreachable = {"http://127.0.0.1:9/ok": [("docs/en/a.md", 1)]}
    cache.write_text(json.dumps({"http://127.0.0.1:9/ok": {"result": "ok", "checked": NOW.isoformat()}}))
    assert externals.check(unreachable, cache, NOW + datetime.timedelta(days=6), timeout=2) == []
    # ...until it is a week old.
    (finding,) = externals.check(unreachable, cache, NOW + datetime.timedelta(days=8), timeout=2)
    assert finding.code == "H068"
