"""Start a translation from the current English page.

The new file has the English title, description and text to translate, the
hash of the English version it starts from, and `human_reviewed: false`.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from haven.core.diagnostics import COMMAND, Diagnostic, DiagnosticsError
from haven.sources import translations
from haven.sources.content import read_page
from haven.sources.site import Site


def start(site: Site, lang: str, page: str) -> Path:
    rel = _relative(site, page)
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
    header = [f"title: {json.dumps(source.meta.title, ensure_ascii=False)}"]
    if source.meta.description:
        header.append(f"description: {json.dumps(source.meta.description, ensure_ascii=False)}")
    if source.meta.hide:
        header += ["hide:", *(f"  - {item}" for item in source.meta.hide)]
    header += [f"source_hash: {translations.source_hash(source)}", "human_reviewed: false"]
    if "legal_version" in source.lines:
        header.append(f"legal_version: {source.meta.legal_version}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("---\n" + "\n".join(header) + "\n---\n" + source.body, encoding="utf-8")
    return target


def _relative(site: Site, page: str) -> str:
    """Accept 'rights/at-home.md' as well as 'docs/en/rights/at-home.md'."""
    path = PurePosixPath(page)
    prefix = PurePosixPath(site.show(site.docs_dir / site.default.code))
    return path.relative_to(prefix).as_posix() if path.is_relative_to(prefix) else path.as_posix()
