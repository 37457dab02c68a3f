"""`haven verify URL`: check a served copy of the site as readers' browsers get it.

What a host serves can differ from what the build wrote: hosts add analytics beacons, e-mail obfuscation
or banners to pages. Each page is opened in Chromium at phone size, and every one of these is a problem:
a Content-Security-Policy violation, a request to another host that the policy did not stop, a script
error, a file that fails, a page that does not open, and a page whose own policy is missing, doubled,
placed after code, or lacks the hash of an inline script or style the page has as served. On each
language's home page the search is opened and a word typed: its results show only when Material's
search worker ran, and a worker's own violations reach no page.

It visits every published address (data/published-urls.txt, moved pages included), each language's 404
page and the editors' status page, and reads /.well-known/security.txt; or it visits the paths it is
given. It prints one line per problem.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import re
import sys
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import Browser, sync_playwright
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from haven.checks import chromium
from haven.core.diagnostics import DiagnosticsError
from haven.publish import finishing, policy, searchindex, securitytxt
from haven.sources import addresses
from haven.sources.site import Site

SETTLE_MS = 200  # after a page's load: time for what it starts late (a beacon) to show
RESULTS_MS = 15_000  # Material's script, its search worker and the language's index, over a slow host
# Reports each violation to the tab's owner (init scripts and bindings are not subject to the policy).
_REPORT = """document.addEventListener("securitypolicyviolation", (event) => {
  window.havenViolation(event.effectiveDirective + " blocked " + (event.blockedURI || "?")
                        + (event.sample ? " (" + event.sample + ")" : ""));
}, true);"""


class Reader:
    """A phone-sized Chromium tab on one site that notes, with each page's address, what the site's policy
    and its own origin forbid. Requests to other hosts are noted, not stopped: the policy stops them before
    they leave (those are noted as violations), and stopping them here too would slow every page down."""

    def __init__(self, browser: Browser, base: str, settle_ms: int = SETTLE_MS):
        self.origin = urlsplit(base)[:2]
        self.settle_ms = settle_ms
        self.problems: list[str] = []
        self.context = browser.new_context(
            viewport=chromium.PHONE, device_scale_factor=1, is_mobile=True, has_touch=True
        )
        self.context.add_init_script(_REPORT)
        self.context.expose_binding("havenViolation", lambda source, text: self.note(f"policy violation: {text}"))
        self.context.on("requestfinished", self._request)
        self.context.on("requestfailed", self._request)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.note(f"script error: {error}"))
        self.page.on("console", self._console)

    def note(self, problem: str) -> None:
        self.problems.append(f"{self.page.url}: {problem}")

    def _request(self, request) -> None:
        sent = request.failure not in ("csp", "net::ERR_BLOCKED_BY_CSP")  # Playwright's word for it, Chromium's
        if sent and urlsplit(request.url)[:2] != self.origin and urlsplit(request.url).scheme in ("http", "https"):
            self.note(f"request to another host: {request.url}")

    def _console(self, message) -> None:
        """Chromium's own errors: a policy it could not read, a file that failed. Not those that repeat a
        problem noted otherwise (a violation, a request to another host, the page's own failure), nor the
        browser's own guess at an icon for a page that names none (the editors' page)."""
        text, source = message.text, message.location.get("url", "")
        repeated = "violates the following Content Security Policy" in text or (
            text.startswith("Failed to load resource")
            and (
                source == self.page.url
                or urlsplit(source)[:2] != self.origin
                or urlsplit(source).path == "/favicon.ico"
            )
        )
        if message.type == "error" and not repeated:
            self.note(f"browser error: {text}")

    def visit(self, url: str) -> bool:
        """Open the page and check its policy as served; False when it did not open."""
        try:
            response = self.page.goto(url, wait_until="load")
        except PlaywrightError as error:
            self.problems.append(f"{url}: could not be opened: {str(error).splitlines()[0]}")
            return False
        if response is None or not response.ok:
            self.problems.append(
                f"{url}: answered {response.status} {response.status_text}" if response else f"{url}: answered nothing"
            )
            return False
        try:
            html = response.text()
        except PlaywrightError:  # a page that moved on (a moved page's old address) keeps no body
            html = self.context.request.get(url).text()
        self.problems += [f"{url}: {problem}" for problem in policy.page_problems(html)]
        self.settle()
        return True

    def settle(self) -> None:
        """Let what the page started report: late requests, violations."""
        if self.settle_ms:
            self.page.wait_for_timeout(self.settle_ms)
        # A round trip: reports sent before it have arrived. Refused when the page moved on (a moved page's old
        # address sends readers on), its reports sent.
        with contextlib.suppress(PlaywrightError):
            self.page.evaluate("0")

    def search(self, word: str) -> int:
        """Open the search and type `word`; the number of results shown (a problem is noted when none)."""
        self.page.locator("label.md-header__button[for=__search]").click()
        # A function, not an expression: Playwright evaluates an expression with eval(), which the policy refuses.
        self.page.wait_for_function("() => document.activeElement && document.activeElement.name === 'query'")
        self.page.keyboard.type(word)
        self.page.keyboard.press("End")  # Material searches on key up; typed non-Latin text arrives without one
        results = self.page.locator(".md-search-result__item")
        try:
            results.first.wait_for(timeout=RESULTS_MS)
        except PlaywrightTimeout:
            self.note(f"the search showed no results for {word!r}: did its worker run?")
        self.settle()
        return results.count()

    def close(self) -> None:
        self.context.close()


def search_word(index: dict) -> str:
    """A word the search index surely finds: the longest of its first title, cut as the index cuts words."""
    words = re.split(index["config"]["separator"], index["docs"][0]["title"])
    return max(words, key=len)


def pages(site: Site) -> list[str]:
    """What is visited by default: every published address, each language's 404 page, the editors' page."""
    the_addresses, problems = addresses.load(site)
    if problems:
        raise DiagnosticsError(problems)
    return (
        [address for address, _ in the_addresses.published]
        + [language.prefix + "404.html" for language in site.languages]
        + [finishing.STATUS_PAGE.removesuffix("index.html")]
    )


def check(browser: Browser, base: str, paths: list[str], site: Site, security_txt: bool = False) -> list[str]:
    """Every problem of the pages at `paths` under `base` (and of its security.txt), one line each."""
    reader = Reader(browser, base)
    if security_txt:
        address = urljoin(base, securitytxt.PATH)
        served = reader.context.request.get(address)
        found = (
            securitytxt.problems(served.text(), datetime.datetime.now(datetime.UTC))
            if served.ok
            else [
                f"answered {served.status} {served.status_text} (the build writes it when "
                "the haven plugin's security_contact is set: HAVEN_SECURITY_CONTACT in mkdocs.yml)"
            ]
        )
        reader.problems += [f"{address}: {problem}" for problem in found]
    homes = {language.prefix for language in site.languages}
    for path in paths:
        if reader.visit(urljoin(base, path)) and path in homes:
            index_url = urljoin(base, path + searchindex.INDEX.as_posix())
            index = reader.context.request.get(index_url)
            if index.ok:
                reader.search(search_word(json.loads(index.text())))
            else:
                reader.problems.append(f"{index_url}: answered {index.status} {index.status_text}")
    reader.close()
    return list(dict.fromkeys(reader.problems))  # a problem seen twice on a page is one line


def run(site: Site, base: str, paths: list[str]) -> int:
    """`haven verify`: check the pages in Debian's Chromium and print what is wrong; 1 when anything is."""
    if not chromium.EXECUTABLE.exists():
        print(
            f"verify needs Chromium at {chromium.EXECUTABLE}: install Debian's 'chromium-headless-shell' package "
            "or set HAVEN_CHROMIUM to its path (make verify does both).",
            file=sys.stderr,
        )
        return 2
    whole_site = not paths
    paths = paths or pages(site)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium.EXECUTABLE), headless=True, args=chromium.FLAGS
        )
        status = report(browser, base, paths, site, security_txt=whole_site)
        browser.close()
    return status


def report(browser: Browser, base: str, paths: list[str], site: Site, security_txt: bool = False) -> int:
    """Check, print one line per problem and a last line that sums up; 1 when anything is wrong."""
    problems = check(browser, base, [path.lstrip("/") for path in paths], site, security_txt)
    for problem in problems:
        print(problem)
    if problems:
        failed = len({problem.split(": ", 1)[0] for problem in problems})
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} on {failed} of {len(paths)} pages at {base}")
        return 1
    print(
        f"{len(paths)} pages at {base}: no request to another host, no policy violation, every inline "
        "script and style in its page's policy"
    )
    return 0
