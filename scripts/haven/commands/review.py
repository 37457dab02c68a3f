"""Record a fluent speaker's review of a translation: who, when, and against which English version.

`haven review docs/es/page.md --by "Maria G."` writes `human_reviewed:` in the
translation's front matter. Only a translation that matches the English page as it
is now, with no English line left, can be marked reviewed: a review of anything else
would tell readers more than is true.
"""

from __future__ import annotations

import json
from pathlib import Path

from haven.commands.stamp import write_fields
from haven.core.diagnostics import COMMAND, Diagnostic, DiagnosticsError
from haven.sources import clock, translations
from haven.sources.content import Content
from haven.sources.translations import State


def review(content: Content, path: Path, by: str) -> str:
    """Mark `path` reviewed by `by` today; returns its path as shown to the editor."""
    site = content.site
    shown = site.show(path)
    lang, rel = site.split_src(path.resolve().relative_to(site.docs_dir.resolve()).as_posix())
    status = translations.status(content, lang, rel)
    problem = _why_not(status, shown) or (
        ("the reviewer's name or handle is empty", "give it after --by, e.g. --by 'Maria G.'")
        if not by.strip()
        else None
    )
    if problem:
        raise DiagnosticsError([Diagnostic(shown, 1, "H036", *problem)])
    source = content.source(rel)
    assert source is not None
    # JSON strings are valid YAML strings: any name is written safely.
    block = (
        f"  by: {json.dumps(by.strip(), ensure_ascii=False)}\n"
        f"  date: {clock.today(site).isoformat()}\n"
        f"  source_hash: {translations.source_hash(source)}"
    )
    write_fields(site, path, {"human_reviewed": block})
    return shown


def _why_not(status: translations.Status, shown: str) -> tuple[str, str] | None:
    if status.state is State.SOURCE:
        return "an English page is not reviewed as a translation", "name a translated page, e.g. docs/es/index.md"
    if status.state in (State.STALE, State.OUTDATED):
        return (
            "this translation does not match the English page as it is now, so it cannot be marked reviewed",
            f"bring it up to date and run: {COMMAND} stamp {shown}; then review it",
        )
    if status.english_lines:
        return (
            f"line {status.english_lines[0]} of this translation is still in English",
            "translate every line first; then review it",
        )
    return None
