"""Lighthouse (mobile) scores of every language's home page and a topic page.

    make bench        (installs Lighthouse from bench/package-lock.json)
    .venv/bin/python bench/lighthouse.py [--pages PATH ...] [--languages CODE ...]

Builds the site with site_url set to the address it is served from, as a
deployment would, serves it gzip-compressed (haven/publish/serving.py) and runs
Lighthouse's default mobile run (simulated slow 4G, 4x slower CPU) with
Debian's Chromium. Each page runs --runs times (3 unless told) and its median
run, by performance score, is reported, as Lighthouse advises for noisy
machines. Prints one row per page; a score below 100 names the audits that
cost it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from haven.publish.build import build  # noqa: E402
from haven.publish.serving import Server  # noqa: E402
from haven.sources import site  # noqa: E402

PORT = 8765
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"


def audit(url: str, chromium: str) -> dict:
    report = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": chromium},
    )
    return json.loads(report.stdout)


def costs(report: dict, category: str) -> list[str]:
    refs = report["categories"][category]["auditRefs"]
    audits = report["audits"]
    return [
        f"{ref['id']} {audits[ref['id']].get('displayValue', '')}".strip()
        for ref in refs
        if ref["weight"] and (audits[ref["id"]]["score"] or 0) < 1
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="+", default=["", "rights/at-home/"])
    parser.add_argument("--languages", nargs="+")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chromium", default=os.environ.get("HAVEN_CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args()
    base = f"http://127.0.0.1:{PORT}/"
    os.environ["HAVEN_SITE_URL"] = base  # canonical links and sitemap point where the pages are served
    site_dir = Path(tempfile.mkdtemp()) / "site"
    build(ROOT / "mkdocs.yml", site_dir)
    the_site = site.load(ROOT / "mkdocs.yml")
    codes = [language.code for language in the_site.languages]
    default = the_site.default.code
    server = Server(site_dir, PORT)
    print("| page | " + " | ".join(CATEGORIES) + " | below 100 |")
    print("|---|" + "---|" * (len(CATEGORIES) + 1))
    for code in args.languages or codes:
        for page in args.pages:
            path = ("" if code == default else f"{code}/") + page
            runs = sorted(
                (audit(base + path, args.chromium) for _ in range(args.runs)),
                key=lambda run: run["categories"]["performance"]["score"],
            )
            report = runs[len(runs) // 2]
            scores = [round(report["categories"][name]["score"] * 100) for name in CATEGORIES]
            lost = [
                f"{name}: {', '.join(costs(report, name))}"
                for name, score in zip(CATEGORIES, scores, strict=True)
                if score < 100
            ]
            print(f"| /{path} | " + " | ".join(map(str, scores)) + f" | {'; '.join(lost)} |", flush=True)
    server.close()


if __name__ == "__main__":
    main()
