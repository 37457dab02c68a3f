"""Benchmark: wall time of a full build of the site (every language), in a fresh process each run,
with every core building languages at once (`make build`) and in one process (`make build JOBS=1`).

Run with `make bench`. Prints the medians of several runs, alternating the two
so a busy moment of the machine does not favour either; the figures are
recorded in README.md ("Build time"). Not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import os
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
    cores = len(os.sched_getaffinity(0))
    times: dict[str, list[float]] = {"1": [], "": []}
    with tempfile.TemporaryDirectory(prefix="haven-bench-") as scratch:
        for run in range(args.runs):
            for jobs in times:
                site_dir = Path(scratch) / f"site-{jobs or 'all'}-{run}"
                start = time.perf_counter()
                subprocess.run(
                    [str(haven), "-f", str(REPO / "mkdocs.yml"), "build", "-d", str(site_dir), "--jobs", jobs],
                    check=True,
                    stdout=subprocess.DEVNULL,
                )
                times[jobs].append(time.perf_counter() - start)
        pages = sum(1 for _ in (Path(scratch) / "site-all-0").rglob("*.html"))
    for jobs, label in (("1", "JOBS=1 (one process)"), ("", f"parallel ({cores} cores)")):
        print(
            f"full build ({pages} HTML files), {label}: median {statistics.median(times[jobs]):.2f} s, "
            f"min {min(times[jobs]):.2f} s, max {max(times[jobs]):.2f} s over {args.runs} runs"
        )
    ratio = statistics.median(times[""]) / statistics.median(times["1"])
    print(f"parallel / JOBS=1 = {ratio:.2f} (median wall times)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
