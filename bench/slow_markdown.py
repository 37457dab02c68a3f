"""How long Python-Markdown, with the site's extensions, takes to read a run of N '[' signs.

The time grows with the square of N, which is why reading a language's pages has a time limit
(haven/core/deadline.py). Run: .venv/bin/python bench/slow_markdown.py
"""

from __future__ import annotations

import time

import markdown

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]  # as in mkdocs.yml


def main() -> None:
    md = markdown.Markdown(extensions=EXTENSIONS)
    print("| '[' signs | seconds |\n|---|---|")
    for count in (2_500, 5_000, 10_000):
        md.reset()
        start = time.perf_counter()
        md.convert("[" * count)
        print(f"| {count:,} | {time.perf_counter() - start:.1f} |")


if __name__ == "__main__":
    main()
