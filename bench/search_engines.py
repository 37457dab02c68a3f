"""Material's search (as Haven configures it) against Pagefind, on the real site.

    .venv/bin/pip install 'pagefind[extended]==1.5.2'
    .venv/bin/python bench/search_engines.py [site-dir]

For each query, in a 360 px Chromium tab: the pages found, and the bytes that
opening the search and running the first query cost beyond the page's first
view (gzip-compressed, as haven/core/budget.py counts a first view). Pagefind
indexes a copy of the site; the site itself is not changed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import benchsite  # noqa: E402

from haven.core import budget  # noqa: E402
from haven.publish.serving import Server  # noqa: E402

QUERIES = [("en", "warrant"), ("es", "abogado"), ("ar", "محامي"), ("zh", "律师"), ("zh", "令状"), ("ht", "avoka")]
PAGE = "rights/at-home/"
CHROMIUM = os.environ.get("HAVEN_CHROMIUM", "/usr/bin/chromium")


def cost(root: Path, urls: list[str]) -> int:
    """Compressed bytes of the files behind these URLs (a web worker's own requests included)."""
    files = {root / urlsplit(url).path.lstrip("/") for url in urls}
    return sum(budget.compressed_size(path / "index.html" if path.is_dir() else path) for path in files)


def material(tab, url: str, query: str, requests: list[str]) -> int:
    tab.goto(url, wait_until="networkidle")
    requests.clear()
    tab.locator("label.md-header__button[for=__search]").click()
    # A function, not a string: the site's policy refuses eval, which a string would need.
    tab.wait_for_function("() => document.activeElement && document.activeElement.name === 'query'")
    tab.keyboard.type(query)
    tab.keyboard.press("End")  # Material searches on key up
    tab.locator(".md-search-result__meta").filter(has_text=re.compile(r"\d")).wait_for(timeout=15_000)
    tab.wait_for_load_state("networkidle")
    return int(re.findall(r"\d+", tab.locator(".md-search-result__meta").inner_text())[0])


def pagefind(tab, url: str, query: str, requests: list[str]) -> int:
    tab.goto(url, wait_until="networkidle")
    requests.clear()
    # What Pagefind's own interface does for a query: load, search, show ten results.
    found = tab.evaluate(
        """async (query) => {
            const pagefind = await import("/pagefind/pagefind.js");
            const search = await pagefind.search(query);
            await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
            return search.results.length;
        }""",
        query,
    )
    tab.wait_for_load_state("networkidle")
    return found


def main() -> None:
    scratch = Path(tempfile.mkdtemp())
    site_dir = benchsite.site_dir(sys.argv)
    indexed = scratch / "pagefind-site"
    shutil.copytree(site_dir, indexed)
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(indexed), "--root-selector", "article", "--silent"], check=True
    )
    roots = {"Material": site_dir, "Pagefind": indexed}
    servers = {name: Server(root) for name, root in roots.items()}
    engines = {"Material": material, "Pagefind": pagefind}
    print(
        "| language | query | Material: pages found | Material: first search | "
        "Pagefind: pages found | Pagefind: first search |"
    )
    print("|---|---|---|---|---|---|")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for lang, query in QUERIES:
            row = [lang, query]
            for name, engine in engines.items():
                # Pagefind needs 'wasm-unsafe-eval', which the site's policy does not allow: it is measured
                # as it would run if the policy made room for it.
                context = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=name == "Pagefind")
                requests: list[str] = []
                context.route(
                    "**/*", lambda route, requests=requests: (requests.append(route.request.url), route.continue_())
                )
                prefix = "" if lang == "en" else f"{lang}/"
                found = engine(context.new_page(), servers[name].url + prefix + PAGE, query, requests)
                size = cost(roots[name], requests)
                context.close()
                row += [str(found), f"{size / 1000:.1f} KB"]
            print("| " + " | ".join(row) + " |")
        browser.close()
    for server in servers.values():
        server.close()
    shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
