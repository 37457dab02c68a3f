"""`haven import`: write a translated PO or XLIFF file back into the language's Markdown page.

The page keeps its own markup (links, anchors, admonitions, tables, front matter) and gets the file's
texts. It records the English version the texts were made from (`source_hash:`) only when every text
is translated and none is marked for review: otherwise it keeps the version it had, and readers are
still told it may be out of date. An unchanged file gives back the page byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path

from haven.commands import exchange, new_translation, pagetexts, stamp
from haven.commands.pagetexts import PageTexts
from haven.core.diagnostics import COMMAND, Diagnostic, DiagnosticsError, display_path, line_holding
from haven.core.textfile import read_text
from haven.sources import frontmatter, segments, translations
from haven.sources.content import read_page
from haven.sources.site import Site


def import_file(site: Site, path: Path) -> str:
    """Write the page `path` translates; return what was done, in one line. Nothing is written when
    the file has a problem (DiagnosticsError)."""
    shown = display_path(path)
    header, entries = exchange.read(path, shown)
    pagetexts.check_language(site, header.lang)
    source = pagetexts.english(site, header.page)
    _check_fit(site, path, shown, header, entries, source)
    translated = {entry.key: entry.target for entry in entries if entry.target}
    if not translated:
        return f"{shown}: no text in it is translated; nothing to import"
    target = pagetexts.translation_path(site, header.lang, header.page)
    existing = pagetexts.translation(site, header.lang, header.page)
    # A translation with the English page's blocks keeps its own markup (its anchors, its table's
    # spacing); one whose blocks differ is rebuilt on the English page's, as the export said.
    skeleton = existing if existing and existing.blocks == source.blocks else source
    texts = {unit.key: unit.text for unit in skeleton.units} | translated
    body = segments.render(skeleton.pieces, texts)
    finished = all(entry.target and not entry.fuzzy for entry in entries)
    if existing is None:
        if not finished:
            raise _unfinished(site, target, shown, entries)
        text = new_translation.front_matter(source.page, texts["title"], texts.get("description"), header.english_hash)
        recorded = None
    else:
        text = _front_matter(site, target, existing, translated, finished, header.english_hash)
        recorded = existing.made_from
    _write(site, target, text + body)
    if finished and recorded != header.english_hash:
        done = (
            f"{site.show(target)}: every text translated; source_hash {recorded or '(none)'} -> {header.english_hash}"
        )
        if header.english_hash != translations.source_hash(source.page):
            return f"{done}, the English version exported; it changed since, and readers are told so"
        stamp.stamp(site, target)  # also records the English page's legal_version
        return done
    reviewed = sum(1 for entry in entries if entry.target and not entry.fuzzy)
    tail = "" if finished else f"; source_hash kept at {recorded}: readers are still told it may be out of date"
    return f"{site.show(target)}: {reviewed} of {len(entries)} texts translated and reviewed{tail}"


def _check_fit(
    site: Site, path: Path, shown: str, header: exchange.Header, entries: list[exchange.Entry], source: PageTexts
) -> None:
    """The file's texts are the English page's, and each translation keeps its English text's link targets
    and `{...}` attribute lists (a lost target would lead readers nowhere, a lost attribute unstyle the page)."""
    if sorted(entry.key for entry in entries) != sorted(unit.key for unit in source.units):
        raise DiagnosticsError(
            [
                Diagnostic(
                    shown,
                    1,
                    "H106",
                    f"its texts no longer match the English page {site.show(source.page.path)}, "
                    "which changed after the export",
                    f"export the page again ({COMMAND} export {header.lang} {header.page} --output …) "
                    "and copy your translations into the new file",
                )
            ]
        )
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    kinds = {unit.key: unit.kind for unit in source.units}
    problems = []

    def line(key: str) -> int:  # looked up only for a text with a problem: a file has hundreds of texts
        return line_holding(lines, [f'msgctxt "{key}"', f'id="{key}"'])

    for entry in entries:
        if not entry.target:
            continue
        stray = segments.stray_markup(kinds[entry.key], entry.target)
        if stray is not None:
            problems.append(
                Diagnostic(
                    shown,
                    line(entry.key),
                    "H108",
                    f"{entry.key}: the line '{stray}' of the translation would start a new list item, heading "
                    "or table cell on the page",
                    "join it to the line before it, or start it with other words",
                )
            )
        for what, of in (("link targets", segments.link_targets), ("attribute lists", segments.attribute_lists)):
            wanted, found = of(entry.source), of(entry.target)
            if wanted != found:
                problems.append(
                    Diagnostic(
                        shown,
                        line(entry.key),
                        "H108",
                        f"{entry.key}: the translation's {what} are {_listed(found)}, "
                        f"the English text's {_listed(wanted)}",
                        f"keep each {what[:-1]} exactly as in the English text; translate only the words around it",
                    )
                )
    if problems:
        raise DiagnosticsError(problems)


def _listed(values: list[str]) -> str:
    return ", ".join(f"'{value}'" for value in values) if values else "none"


def _front_matter(
    site: Site, target: Path, existing: PageTexts, translated: dict[str, str], finished: bool, made_from: str
) -> str:
    """The translation's own front matter, with the title and description the file translates, and
    `source_hash:` when the translation is finished (other fields as they were)."""
    shown = site.show(target)
    text = read_text(target, shown)
    header = text[: len(text) - len(frontmatter.split(text, shown).body)]
    for name in pagetexts.FRONT_MATTER:
        value = translated.get(name)
        if value and value != getattr(existing.page.meta, name):
            header, _ = stamp.set_field(header, name, json.dumps(value, ensure_ascii=False))
    if finished and existing.made_from != made_from:
        header, _ = stamp.set_field(header, "source_hash", made_from)
    return header


def _write(site: Site, target: Path, text: str) -> None:
    """Write the page, and put back what was there if the result is not a valid page."""
    before = target.read_bytes() if target.exists() else None
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    _, problems = read_page(target, site)
    if problems:
        if before is None:
            target.unlink()
        else:
            target.write_bytes(before)
        raise DiagnosticsError(problems)


def _unfinished(site: Site, target: Path, shown: str, entries: list[exchange.Entry]) -> DiagnosticsError:
    missing = [entry.key for entry in entries if not entry.target or entry.fuzzy]
    return DiagnosticsError(
        [
            Diagnostic(
                shown,
                1,
                "H109",
                f"{site.show(target)} does not exist yet, and {len(missing)} of {len(entries)} texts are not "
                f"translated or need review (first: {missing[0]}): a new page is written only when it is finished",
                "translate and review every text, then import the file again",
            )
        ]
    )
