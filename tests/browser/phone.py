"""A phone-sized Chromium tab for the browser tests, and what they ask of a page."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import yaml

from browser.conftest import DESKTOP, PHONE
from conftest import REPO


def strings(lang: str) -> dict[str, str]:
    return yaml.safe_load((REPO / "data" / "strings" / f"{lang}.yml").read_text(encoding="utf-8"))


_SCRIPT = re.compile(r"<script\b.*?</script>", re.S)


class Phone:
    """A phone-sized (or desktop-sized) browser tab that records every request; only 127.0.0.1 and files
    are answered.

    One tab visits many pages: a new browser context per page would make
    visiting every page of every language the slowest part of CI.
    """

    def __init__(
        self,
        browser,
        *,
        old_browser: bool = False,
        javascript: bool = True,
        desktop: bool = False,
        page_scripts: bool = True,
        settle_ms: int = 300,
    ):
        """javascript=False turns scripts off in the browser, tests' own evaluations included.
        page_scripts=False shows the page as a browser without JavaScript would, while tests can still
        run scripts in it (axe needs timers, which a browser without JavaScript never fires).
        settle_ms: how long after `load` the page's scripts may start requests of their own; tests that
        only read the page (its scripts are deferred, so they ran before `load`) pass 0."""
        self.javascript = javascript
        self.settle_ms = settle_ms
        self.page_scripts = page_scripts
        self.context = browser.new_context(
            viewport=DESKTOP if desktop else PHONE,
            device_scale_factor=1,
            is_mobile=not desktop,
            has_touch=not desktop,
            java_script_enabled=javascript,
        )
        if old_browser:
            # Old Android WebViews lack ResizeObserver; Material then loads a polyfill.
            self.context.add_init_script("delete window.ResizeObserver;")
        self.requests: list[str] = []
        self.context.route("**/*", self._route)  # routing also turns the cache off: every visit asks again
        self.page = self.context.new_page()

    def _route(self, route):
        self.requests.append(route.request.url)
        address = urlsplit(route.request.url)
        if address.scheme == "file":
            route.continue_()  # an offline copy opened from files
        elif address.hostname != "127.0.0.1":
            route.abort()
        elif self.page_scripts:
            route.continue_()
        elif route.request.resource_type == "script":
            route.abort()
        elif route.request.resource_type == "document":
            response = route.fetch()
            route.fulfill(response=response, body=_SCRIPT.sub("", response.text()))
        else:
            route.continue_()

    def visit(self, url: str, settle: bool = True):
        """settle=False: this page's scripts were seen settling on another page; do not wait for them again."""
        if self.javascript and self.page_scripts:
            # Leave the last page first: its search worker may still be fetching.
            self.page.goto("about:blank")
        self.requests.clear()
        self.context.clear_cookies()
        self.page.goto(url, wait_until="load")
        if self.javascript and self.settle_ms and settle:
            self.page.wait_for_timeout(self.settle_ms)  # let the page's scripts start their own requests
        return self.page

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if urlsplit(url).hostname != "127.0.0.1"]

    def close(self):
        self.context.close()


def open_page(browser, url: str, *, old_browser: bool = False, javascript: bool = True):
    """A fresh phone-sized page at url: (context, page, requests made)."""
    phone = Phone(browser, old_browser=old_browser, javascript=javascript)
    phone.visit(url)
    return phone.context, phone.page, phone.requests


def page_width(page) -> int:
    # Against the phone's width: a phone browser zooms out to fit a wider page,
    # and then reports the wider page's width as its own.
    return page.evaluate("document.documentElement.scrollWidth")
