"""Benchmark: time from saving a page to the browser showing the change, under `make serve`.

    .venv/bin/python bench/preview_reload.py [--runs N]      (also run by make bench)

Serves a copy of the site (so the real pages are never touched) with
`haven serve --lang es` (what `make serve LANG=es` runs) and with every
language (`make serve`), opens the Spanish "If agents come to your home" page
in Chromium, then appends a new sentence to docs/es/rights/at-home.md and
measures until MkDocs' live reload has shown it. Prints the median per mode;
the figures are in README.md ("Previewing a change").
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
PAGE = Path("docs/es/rights/at-home.md")
URL_PATH = "es/rights/at-home/"
SOURCES = ("mkdocs.yml", "docs", "data", "overrides", "scripts", "templates")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def wait_until_served(url: str, server: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped (exit {server.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{url} was not served within {timeout:.0f} s")


def reload_times(copy: Path, lang: list[str], port: int, runs: int, browser) -> list[float]:
    haven = Path(sys.executable).with_name("haven")
    server = subprocess.Popen(
        [str(haven), "-f", str(copy / "mkdocs.yml"), "serve", *lang, "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/{URL_PATH}"
    times = []
    try:
        wait_until_served(url, server)
        page = browser.new_page()
        page.goto(url)
        source = copy / PAGE
        for run in range(runs):
            marker = f"Haven preview {port}-{run}"
            start = time.perf_counter()
            source.write_text(source.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
            page.get_by_text(marker).wait_for(timeout=300_000)
            times.append(time.perf_counter() - start)
            time.sleep(1)  # let MkDocs settle before the next save
        page.close()
    finally:
        server.terminate()
        server.wait()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    chromium = os.environ.get("HAVEN_CHROMIUM", "/usr/bin/chromium")
    with tempfile.TemporaryDirectory(prefix="haven-preview-") as scratch, sync_playwright() as playwright:
        copy = Path(scratch)
        for name in SOURCES:
            if (ROOT / name).is_dir():
                shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
            elif (ROOT / name).is_file():
                shutil.copy(ROOT / name, copy / name)
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_FLAGS)
        try:
            for label, lang, port in (
                ("make serve LANG=es (English and Spanish)", ["--lang", "es"], 8771),
                ("make serve (all 12 languages)", [], 8772),
            ):
                times = reload_times(copy, lang, port, args.runs, browser)
                print(
                    f"{label}: save to reload median {statistics.median(times):.1f} s "
                    f"(min {min(times):.1f}, max {max(times):.1f}, {args.runs} saves)"
                )
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
