"""Start a translation from the current English page.

The new file has the English title, description and text to translate, the
hash of the English version it starts from, and `human_reviewed: false`.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from haven.core.diagnostics import COMMAND, Diagnostic, DiagnosticsError
from haven.sources import translations
from haven.sources.content import SourcePage, read_page
from haven.sources.site import Site


def start(site: Site, lang: str, page: str) -> Path:
    rel = relative(site, page)
    if lang not in site.codes or lang == site.default.code:
        raise DiagnosticsError(
            [
                Diagnostic(
                    site.show(site.config_path),
                    1,
                    "H022",
                    f"'{lang}' is not a translation language of this site",
                    f"use one of: {', '.join(c for c in site.codes if c != site.default.code)}",
                )
            ]
        )
    source_path = site.docs_dir / site.default.code / rel
    target = site.docs_dir / lang / rel
    if not source_path.is_file():
        raise DiagnosticsError(
            [
                Diagnostic(
                    site.show(source_path),
                    1,
                    "H022",
                    "there is no such English page to translate",
                    "give the page's path inside docs/en/, e.g. rights/at-home.md",
                )
            ]
        )
    if target.exists():
        raise DiagnosticsError(
            [
                Diagnostic(
                    site.show(target),
                    1,
                    "H022",
                    "this translation already exists",
                    f"edit it, then run: {COMMAND} stamp {site.show(target)}",
                )
            ]
        )
    source, problems = read_page(source_path, site)
    if problems or source is None:
        raise DiagnosticsError(problems)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(front_matter(source, source.meta.title, source.meta.description) + source.body, encoding="utf-8")
    return target


def front_matter(source: SourcePage, title: str, description: str | None, made_from: str | None = None) -> str:
    """A new translation's front matter: its title and description, the English version it was made from
    (`made_from`, else the English page's current one), and not yet reviewed."""
    header = [f"title: {json.dumps(title, ensure_ascii=False)}"]
    if description:
        header.append(f"description: {json.dumps(description, ensure_ascii=False)}")
    if source.meta.hide:
        header += ["hide:", *(f"  - {item}" for item in source.meta.hide)]
    header += [f"source_hash: {made_from or translations.source_hash(source)}", "human_reviewed: false"]
    if "legal_version" in source.lines:
        header.append(f"legal_version: {source.meta.legal_version}")
    return "---\n" + "\n".join(header) + "\n---\n"


def relative(site: Site, page: str) -> str:
    """Accept 'rights/at-home.md' as well as 'docs/en/rights/at-home.md'."""
    path = PurePosixPath(page)
    prefix = PurePosixPath(site.show(site.docs_dir / site.default.code))
    return path.relative_to(prefix).as_posix() if path.is_relative_to(prefix) else path.as_posix()
