"""The built site's stylesheets and SVG pictures: nothing in them loads from another host or runs code.

A font or a picture named in a stylesheet is fetched by every reader's browser, and an SVG file opened on
its own runs its scripts: both are checked as published, whether they came from the theme, overrides/ or
docs/ (haven.core.safehtml).
"""

from __future__ import annotations

from pathlib import Path

from haven.core import safehtml
from haven.core.diagnostics import DiagnosticsError
from haven.sources.site import Site


def check(site_dir: Path, site: Site) -> None:
    """Raises DiagnosticsError naming each stylesheet or picture that loads from elsewhere or runs code."""
    found = []
    for path in sorted([*site_dir.rglob("*.css"), *site_dir.rglob("*.svg")]):
        rel = path.relative_to(site_dir).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        problems = safehtml.svg_problems(text) if path.suffix == ".svg" else safehtml.css_problems(text)
        found += safehtml.findings(problems, _source(site, rel), text)
    if found:
        raise DiagnosticsError(found)


def _source(site: Site, rel: str) -> str:
    """The file an editor would change: in overrides/ or docs/ when it came from there, else the built file."""
    lang, _, rest = rel.partition("/")
    for candidate in (
        site.overrides_dir / rel,
        site.docs_dir / rel,
        site.docs_dir / site.default.code / rel,
        site.docs_dir / lang / rest,
    ):
        if candidate.is_file():
            return site.show(candidate)
    return rel
