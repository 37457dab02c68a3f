"""Benchmark: wall time of a full build of the site (every language), in a fresh process each run.

Run with `make bench`. Prints the median of several runs; the figure is
recorded in README.md ("Build time"). Not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    haven = Path(sys.executable).with_name("haven")
    times = []
    with tempfile.TemporaryDirectory(prefix="haven-bench-") as scratch:
        for run in range(args.runs):
            site_dir = Path(scratch) / f"site-{run}"
            start = time.perf_counter()
            subprocess.run([str(haven), "-f", str(REPO / "mkdocs.yml"), "build", "-d", str(site_dir)],
                           check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
        pages = sum(1 for _ in (Path(scratch) / "site-0").rglob("*.html"))
    print(f"full build ({pages} HTML files): median {statistics.median(times):.2f} s, "
          f"min {min(times):.2f} s, max {max(times):.2f} s over {args.runs} runs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
