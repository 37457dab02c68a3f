"""Record in a translation which version of the English page it matches.

Translators run `haven stamp docs/es/page.md` after bringing a translation up
to date; the front matter's `source_hash:` line is written in place and
nothing else in the file changes.
"""

from __future__ import annotations

import re
from pathlib import Path

from haven.core.diagnostics import Diagnostic, DiagnosticsError
from haven.sources import frontmatter, translations
from haven.sources.content import read_page
from haven.sources.site import Site


def translations_named(site: Site, words: list[str]) -> list[Path]:
    """The translations `haven stamp` is given, in any of the forms editors use, from any folder:
    'docs/es/rights/at-home.md' (from the project or the current folder), 'es/rights/at-home.md', or, as
    `haven new-translation` takes it, 'es rights/at-home.md'."""
    if len(words) >= 2 and words[0] in site.codes and not Path(words[0]).is_file():
        words = [f"{words[0]}/{word}" for word in words[1:]]
    paths = []
    docs = site.docs_dir.resolve()
    for word in words:
        candidates = [Path(word), site.root / word, site.docs_dir / word]
        # The first that is a page of this site: the current folder may be another project's.
        found = next((path.resolve() for path in candidates if path.is_file() and docs in path.resolve().parents), None)
        if found is None:
            raise DiagnosticsError(
                [
                    Diagnostic(
                        word,
                        1,
                        "H021",
                        "there is no translated page here",
                        "name it as docs/es/rights/at-home.md, or as: es rights/at-home.md",
                    )
                ]
            )
        paths.append(found)
    return paths


def stamp(site: Site, path: Path) -> tuple[str, str | None, str]:
    """Write the current source hash (and legal version) into `path`.

    Returns (shown path, old hash, new hash). Works from the site alone: a
    translation that has no hash yet is exactly what the full content check
    rejects.
    """
    shown = site.show(path)
    lang, rel = site.split_src(Path(path).resolve().relative_to(site.docs_dir).as_posix())
    source_path = site.docs_dir / site.default.code / rel
    source, problems = read_page(source_path, site) if source_path.exists() else (None, [])
    if problems:
        raise DiagnosticsError(problems)
    if lang == site.default.code or source is None:
        raise DiagnosticsError(
            [Diagnostic(shown, 1, "H021", "only a translation of an existing English page can be stamped")]
        )
    new = translations.source_hash(source)
    fields = {"source_hash": new}
    if "legal_version" in source.lines:  # only pages that use it carry it
        fields["legal_version"] = str(source.meta.legal_version)
    old = write_fields(site, Path(path), fields)["source_hash"]
    return shown, old, new


def write_fields(site: Site, path: Path, fields: dict[str, str]) -> dict[str, str | None]:
    """Write front-matter fields of `path` in place, nothing else in the file changing; the old values.

    A value may be a block of indented lines (`by: …` under `human_reviewed:`): it replaces the
    field's own block. If the page would not be valid, it is left as it was."""
    text = path.read_text(encoding="utf-8")
    parsed = frontmatter.split(text, site.show(path))
    header_end = len(text) - len(parsed.body)
    header, body = text[:header_end], text[header_end:]
    old = {}
    for name, value in fields.items():
        header, old[name] = set_field(header, name, value)
    path.write_text(header + body, encoding="utf-8")
    _, problems = read_page(path, site)
    if problems:
        path.write_text(text, encoding="utf-8")  # the file as it was: a failed command changes nothing
        raise DiagnosticsError(problems)
    return old


def set_field(header: str, name: str, value: str) -> tuple[str, str | None]:
    """Replace the field `name: …` of a front-matter header (with its indented lines), or add it before the
    closing ---."""
    match = re.search(rf"^{name}:.*(?:\n[ \t]+\S.*)*$", header, re.MULTILINE)
    line = f"{name}: {value}" if "\n" not in value else f"{name}:\n{value}"
    if match:
        old = match.group(0).partition(":")[2].strip()
        return header[: match.start()] + line + header[match.end() :], old
    closing = header.rstrip().rfind("\n")
    return header[: closing + 1] + line + "\n" + header[closing + 1 :], None
