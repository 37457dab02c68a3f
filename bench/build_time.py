"""Benchmark: wall time of a full build of the site (every language), in a fresh process each run,
with every core building languages at once (`make build`) and in one process (`make build JOBS=1`),
against a plain `mkdocs build` of the same pages: Material and mkdocs-static-i18n, without Haven
(its plugin, its theme folder and its stylesheet left out), which is what Haven's own work costs.

Run with `make bench`. Prints the medians of several runs, alternating the two
so a busy moment of the machine does not favour either; the figures are
recorded in README.md ("Build time"). Not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def plain_config(folder: Path) -> Path:
    """The repository's mkdocs.yml without Haven: no haven plugin, no stylesheet of its own, and a theme
    folder with only the interface strings Material lacks (Haitian Creole, Pashto), which any site in those
    languages needs; no watched data folder either, which only `make serve` reads."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text[: text.index("  - haven:")]
    text = text.replace("docs_dir: docs", f"docs_dir: {REPO / 'docs'}")
    languages = REPO / "overrides" / "partials" / "languages"
    shutil.copytree(languages, folder / "theme" / "partials" / "languages")
    text = text.replace("  custom_dir: overrides\n", f"  custom_dir: {folder / 'theme'}\n")
    for block in (
        r"  custom_dir: overrides\n",
        r"extra_css:\n(?:  - .*\n)+",
        r"  polyfills:\n(?:    - .*\n)+",
        r"watch:\n(?:  - .*\n)+",
    ):
        text = re.sub(f"^{block}", "", text, flags=re.MULTILINE)
    config = folder / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    haven = Path(sys.executable).with_name("haven")
    cores = len(os.sched_getaffinity(0))
    times: dict[str, list[float]] = {"1": [], "": [], "plain": []}
    with tempfile.TemporaryDirectory(prefix="haven-bench-") as scratch:
        plain = plain_config(Path(scratch))
        for run in range(args.runs):
            for jobs in times:
                site_dir = Path(scratch) / f"site-{jobs or 'all'}-{run}"
                if jobs == "plain":
                    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(plain), "-d", str(site_dir)]
                else:
                    command = [str(haven), "-f", str(REPO / "mkdocs.yml"), "build", "-d", str(site_dir), "--jobs", jobs]
                start = time.perf_counter()
                subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                times[jobs].append(time.perf_counter() - start)
        pages = sum(1 for _ in (Path(scratch) / "site-all-0").rglob("*.html"))
    for jobs, label in (
        ("1", "JOBS=1 (one process)"),
        ("", f"parallel ({cores} cores)"),
        ("plain", "plain mkdocs build without Haven (one process)"),
    ):
        print(
            f"full build ({pages} HTML files), {label}: median {statistics.median(times[jobs]):.2f} s, "
            f"min {min(times[jobs]):.2f} s, max {max(times[jobs]):.2f} s over {args.runs} runs"
        )
    ratio = statistics.median(times[""]) / statistics.median(times["1"])
    print(f"parallel / JOBS=1 = {ratio:.2f} (median wall times)")
    cost = statistics.median(times["1"]) / statistics.median(times["plain"])
    print(f"JOBS=1 / plain mkdocs build = {cost:.2f} (median wall times; the target is at most 1.2)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
