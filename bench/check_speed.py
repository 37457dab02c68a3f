"""Benchmark: `haven check` against `lychee --offline --include-fragments` on the same built site.

Both read the same built HTML; `haven check` also checks every source page,
translation and string. Runs on the repository's site and on a generated large
site (bench/generate_site.py), then plants broken links and anchors in the
large site's pages and compares what each tool reports.

    python bench/check_speed.py [--languages 12] [--pages 200] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_site import REPO, generate

BIN = Path(sys.executable).parent


def timed(command: list[str], cwd: Path, runs: int, empty_cache: bool = False) -> tuple[float, str]:
    """The median time of `runs` runs; with `empty_cache`, each run finds nothing kept by an earlier one
    (haven check keeps page sizes and anchors in the user's cache: ~/.cache/haven)."""
    times, out = [], ""
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="haven-bench-cache-") as cache:
            env = {**os.environ, "XDG_CACHE_HOME": cache} if empty_cache else None
            start = time.perf_counter()
            result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
            times.append(time.perf_counter() - start)
        if not result.stdout.strip():
            raise SystemExit(f"{command[0]} printed nothing:\n{result.stderr}")
        out = result.stdout
    return statistics.median(times), out


def haven_check(root: Path) -> list[str]:
    return [str(BIN / "haven"), "-f", str(root / "mkdocs.yml"), "check", "--format", "json"]


def lychee(root: Path) -> list[str]:
    # Static hosts serve index.html for a folder; lychee must be told so.
    return [
        str(BIN / "lychee"),
        "--offline",
        "--include-fragments",
        "--index-files",
        "index.html",
        "--no-progress",
        "--root-dir",
        str(root / "site"),
        "--format",
        "json",
        "site/**/*.html",
    ]


def compare(root: Path, label: str, runs: int) -> str:
    haven_time, _ = timed(haven_check(root), root, runs)
    empty_time, _ = timed(haven_check(root), root, runs, empty_cache=True)
    lychee_time, _ = timed(lychee(root), root, runs)
    pages = sum(1 for _ in (root / "site").rglob("*.html"))
    return (
        f"| {label} ({pages} HTML files) | {haven_time:.2f} s | {empty_time:.2f} s | {lychee_time:.2f} s "
        f"| {haven_time / lychee_time:.2f} | {empty_time / lychee_time:.2f} |"
    )


def canonical(url: str) -> str:
    """'/es/topic-0/#a' and '/es/topic-0#a' are the same target."""
    path, _, fragment = url.partition("#")
    return path.rstrip("/") + (f"#{fragment}" if fragment else "")


def plant(root: Path, count: int) -> set[tuple[str, str]]:
    """Broken page links and broken anchors in random built pages: (page, target) pairs."""
    pages = sorted((root / "site").rglob("topic-*/index.html"))
    planted = set()
    for index, path in enumerate(random.Random(7).sample(pages, count)):
        page = "/" + path.parent.relative_to(root / "site").as_posix() + "/"
        target = "../no-such-topic/" if index % 2 else "../topic-0/#no-such-anchor"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("</article>", f'<a href="{target}">x</a></article>', 1), encoding="utf-8")
        resolved = re.sub(r"[^/]+/\.\./", "", page + target)
        planted.add((page, canonical(resolved)))
    return planted


def found_by_haven(report: str) -> set[tuple[str, str]]:
    found = set()
    for finding in json.loads(report)["findings"]:
        match = re.match(r"the built page (\S+) links to (?:#(\S+) on )?(\S+?),", finding["message"])
        if match:
            page, fragment, target = match.groups()
            found.add((page, canonical(target + (f"#{fragment}" if fragment else ""))))
    return found


def found_by_lychee(report: str, root: Path) -> set[tuple[str, str]]:
    found = set()
    for file, errors in json.loads(report)["error_map"].items():
        page = "/" + Path(file).parent.relative_to("site").as_posix() + "/"
        for error in errors:
            url = error["url"].removeprefix("file://" + str(root / "site"))
            found.add((page, canonical(url)))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", type=int, default=12)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--planted", type=int, default=40)
    args = parser.parse_args(argv)

    subprocess.run([str(BIN / "haven"), "-f", str(REPO / "mkdocs.yml"), "build"], check=True, capture_output=True)
    print(
        "| site | haven check | haven check, nothing kept | lychee | ratio | ratio, nothing kept |\n"
        "|---|---|---|---|---|---|",
        flush=True,
    )
    rows = [compare(REPO, "real site", args.runs)]
    print(rows[-1], flush=True)
    with tempfile.TemporaryDirectory(prefix="haven-bench-") as scratch:
        root = generate(Path(scratch) / "big", args.languages, args.pages)
        start = time.perf_counter()
        subprocess.run([str(BIN / "haven"), "-f", str(root / "mkdocs.yml"), "build"], check=True, capture_output=True)
        build_time = time.perf_counter() - start
        rows.append(compare(root, f"generated, {args.languages} languages x {args.pages} pages", args.runs))
        print(rows[-1], flush=True)
        planted = plant(root, args.planted)
        _, haven_report = timed(haven_check(root), root, 1)
        _, lychee_report = timed(lychee(root), root, 1)
        by_haven, by_lychee = found_by_haven(haven_report), found_by_lychee(lychee_report, root)
    print(f"\nbuild of the generated site: {build_time:.1f} s")
    print(
        f"planted {len(planted)} broken links and anchors: haven check found {len(planted & by_haven)}, "
        f"lychee found {len(planted & by_lychee)}; reported by only one of them: "
        f"{sorted(by_haven ^ by_lychee) or 'none'}"
    )
    return 0 if planted <= by_haven and by_haven == by_lychee else 1


if __name__ == "__main__":
    raise SystemExit(main())
