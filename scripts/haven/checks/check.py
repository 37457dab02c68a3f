"""`haven check`: every problem in the sources, in every language, in one run.

Source findings come first and are reported even when the site cannot be
built. Only when no source has an error is the site built (strictly, into a
scratch folder) so that MkDocs' own findings are reported too.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import tempfile
from dataclasses import asdict
from pathlib import Path, PurePosixPath

from haven.checks import built
from haven.core.alongside import Alongside
from haven.core.diagnostics import COMMAND, Diagnostic, DiagnosticsError, Severity
from haven.sources import clock, fingerprint
from haven.sources import site as site_module


def run(
    config_path: Path,
    today: datetime.date | None = None,
    strict: bool = False,
    external: bool = False,
    site_dir: Path | None = None,
) -> tuple[list[Diagnostic], str | None]:
    """All findings, and why the built site was not checked (None when it was).

    A fresh build in `site_dir` (default: site/ beside mkdocs.yml), whose fingerprint matches the sources,
    is checked as it is; otherwise the site is built strictly into a scratch folder first.
    """
    not_built = "The site was not built: fix the errors above first, then run the check again."
    try:
        site = site_module.load(config_path)
    except DiagnosticsError as exc:
        return exc.diagnostics, not_built
    today = today or clock.today(site)
    site_dir = site_dir or Path(config_path).resolve().parent / "site"

    # A fresh build's pages are checked on a second core while the sources are read: both take about as long. The
    # source checks are imported only once that has started, so that their import runs beside it too.
    fresh = fingerprint.is_fresh(site, site_dir)
    with Alongside(lambda: built.check(site, site_dir)) if fresh else contextlib.nullcontext() as built_pages:
        from haven.checks import sourcechecks

        content, findings = sourcechecks.read(site, today, strict, external)
        if any(f.severity is Severity.ERROR for f in findings):
            return findings, not_built
        if built_pages is not None:
            return sorted(findings + built_pages.result() + sourcechecks.published(content, site_dir, today)), None
    # MkDocs' build machinery and its errors (which load click): only when a build is needed.
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    from haven.publish import build as build_module

    with tempfile.TemporaryDirectory(prefix="haven-check-") as scratch:
        scratch_site = Path(scratch) / "site"
        try:
            build_module.build(config_path, scratch_site)
        except DiagnosticsError as exc:
            return sorted(findings + exc.diagnostics), None
        except (Abort, ConfigurationError, PluginError) as exc:
            findings.append(
                Diagnostic(
                    Path(config_path).name,
                    1,
                    "H090",
                    f"the site does not build: {exc}",
                    "the lines above this report, from MkDocs, say which page and link",
                )
            )
            return findings, None
        return (
            sorted(findings + built.check(site, scratch_site) + sourcechecks.published(content, scratch_site, today)),
            None,
        )


def summary(findings: list[Diagnostic]) -> str:
    counted = [f for f in findings if f.severity is not Severity.INFO]
    errors = sum(f.severity is Severity.ERROR for f in counted)
    files = len({f.path for f in counted})
    return (
        f"{errors} error{'' if errors == 1 else 's'}, {len(counted) - errors} "
        f"warning{'' if len(counted) - errors == 1 else 's'} in {files} file{'' if files == 1 else 's'}"
    )


def as_text(findings: list[Diagnostic], details: bool = False) -> list[str]:
    """The report's lines: every error and warning, and informational notes either each on its line
    (`details`) or one line for each language folder and kind, so that the findings to act on stand out."""
    if details:
        return [f.format() for f in findings]
    notes: dict[tuple[str, str, str], int] = {}
    for finding in findings:
        if finding.severity is Severity.INFO:
            notes[_note_key(finding)] = notes.get(_note_key(finding), 0) + 1
    lines = [f.format() for f in findings if f.severity is not Severity.INFO or notes[_note_key(f)] == 1]
    lines += [
        f"{folder}/: {code} info: {count} files: {message} (hint: {COMMAND} check --details lists each file)"
        for (folder, code, message), count in notes.items()
        if count > 1
    ]
    return lines


def _note_key(finding: Diagnostic) -> tuple[str, str, str]:
    """Notes are counted by top folder: a language's pages (docs/es/...) make one line, whatever their subfolder."""
    parts = PurePosixPath(finding.path).parts
    return "/".join(parts[:2]), finding.code, finding.message


def as_json(findings: list[Diagnostic], skipped: str | None) -> str:
    return json.dumps(
        {
            "findings": [{**asdict(f), "severity": f.severity.value} for f in findings],
            "summary": summary(findings),
            "site_not_built": skipped,
        },
        ensure_ascii=False,
        indent=2,
    )
