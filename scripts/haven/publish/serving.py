"""Serve a built site on 127.0.0.1 from a background thread, as a static host would.

Text files go out gzip-compressed at the level the page budget counts
(haven/core/budget.py), so a browser and Lighthouse see the bytes a reader's phone
would, with the headers the site's `_headers` file names, as Netlify and
Cloudflare Pages send them (haven/publish/policy.py). Used by the browser tests and the
benchmarks; `make serve` uses MkDocs.
"""

from __future__ import annotations

import functools
import gzip
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from haven.core.budget import GZIP_LEVEL
from haven.publish import policy

COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


class StaticHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args, rules: list[policy.Rule], **kwargs):
        self.rules = rules
        super().__init__(*args, **kwargs)  # handles the request

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        for name, value in policy.headers_for(self.rules, unquote(urlsplit(self.path).path)):
            self.send_header(name, value)
        super().end_headers()

    def content(self, path: Path) -> bytes:
        """The bytes of a text file as served (tests change them, as a host that adds scripts would)."""
        return path.read_bytes()

    def do_GET(self) -> None:
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and url_path.endswith("/"):
            path = path / "index.html"
        if path.is_file() and path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(self.content(path), compresslevel=GZIP_LEVEL, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


class QuietServer(ThreadingHTTPServer):
    """Says nothing when a browser drops a connection (it leaves a page before a file is sent, as phones and
    test browsers do): Python's server would print a traceback for each, burying real errors."""

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):  # BrokenPipeError, ConnectionResetError, ...
            return
        super().handle_error(request, client_address)


class Server:
    def __init__(self, root: Path, port: int = 0, handler: type[StaticHandler] = StaticHandler):
        headers = Path(root) / policy.HEADERS_FILE
        rules = policy.read_headers(headers.read_text(encoding="utf-8")) if headers.is_file() else []
        self.httpd = QuietServer(("127.0.0.1", port), functools.partial(handler, directory=str(root), rules=rules))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
