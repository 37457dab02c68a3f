"""First-view weight of every built page, and what a first search costs, per language.

    .venv/bin/python bench/page_weight.py [site-dir]

Builds the site into a scratch folder unless a built one is given. Sizes are
gzip-compressed (haven/core/budget.py), as a static host serves them.
"""

from __future__ import annotations

import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import benchsite  # noqa: E402

from haven.core import budget  # noqa: E402
from haven.publish import searchindex, unusedcss  # noqa: E402
from haven.sources import site  # noqa: E402


def kind(page: str, codes: set[str]) -> str:
    rest = page.split("/", 1)[1] if page.split("/", 1)[0] in codes else page
    if rest == "index.html":
        return "home"
    if rest.endswith("404.html"):
        return "404"
    return rest.split("/", 1)[0] if "/" in rest else rest


def main() -> None:
    the_site = site.load(ROOT / "mkdocs.yml")
    site_dir = benchsite.site_dir(sys.argv)
    codes = {language.code for language in the_site.languages if not language.default}
    views = budget.site_first_views(site_dir)
    by_kind: dict[str, list[int]] = defaultdict(list)
    for view in views:
        by_kind[kind(view.page, codes)].append(view.total)
    print(f"first view, gzip, {len(views)} pages (budget {budget.LIMIT / 1000:.0f} KB)")
    print("| page type | pages | median | largest |")
    print("|---|---|---|---|")
    for name, totals in sorted(by_kind.items()):
        print(f"| {name} | {len(totals)} | {statistics.median(totals) / 1000:.1f} KB | {max(totals) / 1000:.1f} KB |")
    heaviest = max(views, key=lambda view: view.total)
    print(f"heaviest: /{heaviest.page} {heaviest.total / 1000:.1f} KB ({heaviest.heaviest()})")
    # A first search: Material's whole stylesheet, script and worker, the language's index and stemmer.
    assets = site_dir / "assets" / "javascripts"
    script = [
        next((site_dir / "assets" / "stylesheets").glob(f"main.*{unusedcss.FULL_SUFFIX}")),
        next(assets.glob("bundle.*.min.js")),
        next((assets / "workers").glob("search.*.min.js")),
    ]
    fixed = sum(budget.compressed_size(path) for path in script)
    print(f"first search, beyond the first view (stylesheet, script and worker {fixed / 1000:.1f} KB included):")
    print("| language | index | stemmer | total |")
    print("|---|---|---|---|")
    for language in the_site.languages:
        index = site_dir / ("" if language.default else language.code) / searchindex.INDEX
        stemmer_file = site_dir / str(searchindex.STEMMER).format(code=language.code)
        stemmers = [site_dir / str(searchindex.STEMMER).format(code="stemmer.support"), stemmer_file]
        stemmer = sum(budget.compressed_size(path) for path in stemmers) if stemmer_file.is_file() else 0
        size = budget.compressed_size(index)
        print(
            f"| {language.code} | {size / 1000:.1f} KB | {stemmer / 1000:.1f} KB | "
            f"{(size + stemmer + fixed) / 1000:.1f} KB |"
        )


if __name__ == "__main__":
    main()
