"""Build each language on its own, in parallel processes, then merge them into one site.

mkdocs-static-i18n builds the languages one after the other in one process.
Its `build_only_locale` would build one language alone, but at the site root
and without the English fallback, so a part is built here as the plugin's own
loop builds each language (plugin.py, on_post_build): the same configuration
with the plugin's current language set, and its `building` flag raised so it
does not go on to the other languages. Every language stays declared, so the
language menu of each page names all of them, as in the sequential build.

What a language build writes for the whole site is then put together: the
sitemap (each part lists only its own language) and the search index (each part
indexes only its own pages). The test suite compares this site with the one
`mkdocs build` makes (tests/test_parallel_build.py).
"""

from __future__ import annotations

import gzip
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, cast

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from haven.core.diagnostics import Diagnostic, DiagnosticsError
from haven.publish import mkdocs_warnings, searchindex
from haven.render import static_i18n
from haven.sources.content import Content
from haven.sources.site import Site

SITEMAP = "sitemap.xml"
_URLS_START = "\n    <url>"  # the sitemap template's indentation (mkdocs_static_i18n/custom_i18n_sitemap)
_URLS_END = "\n</urlset>"


class _HavenPlugin(Protocol):
    """What a part reads and sets on the haven plugin (haven.plugin), which builds on MkDocs' events."""

    content: Content | None
    stylesheet: str


@dataclass(frozen=True)
class Part:
    """One language built into its own folder."""

    lang: str
    folder: Path
    search_index: dict
    stylesheet: str  # Material's stylesheet as the pages name it


@dataclass(frozen=True)
class Outcome:
    """What building one language gave: its part, or the error that stopped it; and what MkDocs said."""

    lang: str
    part: Part | None
    error: BaseException | None
    messages: list[logging.LogRecord]


def build_language(config_path: Path, folder: Path, lang: str, content: Content) -> Outcome:
    """Build one language into `folder` (its pages under <lang>/ unless it is the default language).

    MkDocs' messages are kept and handed back rather than printed: the parent shows them language by
    language, where processes writing at once would mix their lines.
    """
    logger = logging.getLogger("mkdocs")
    kept = _Keep()
    handlers, logger.handlers = logger.handlers, [kept]
    # Dropped where MkDocs logs it, before its strict count: an English stand-in's anchor into a translation.
    pages_logger = logging.getLogger("mkdocs.structure.pages")
    not_mistakes = _NotMistakes(content.site)
    pages_logger.addFilter(not_mistakes)
    try:
        config = load_config(str(config_path), site_dir=str(folder), strict=True)
        plugin = cast(_HavenPlugin, config.plugins["haven"])
        plugin.content = content  # validated once, by the parent
        static_i18n.build_only(config, lang)
        mkdocs_build(config)
        index = json.loads((folder / searchindex.INDEX).read_text(encoding="utf-8"))
        return Outcome(lang, Part(lang, folder, index, plugin.stylesheet), None, kept.records)
    except (Exception, Abort) as exc:  # handed to the parent, which raises it after showing the messages
        return Outcome(lang, None, exc, kept.records)
    finally:
        logger.handlers = handlers
        pages_logger.removeFilter(not_mistakes)


def parts_of(outcomes: list[Outcome], site: Site) -> list[Part]:
    """Show each language's messages, in order, MkDocs' warnings about the sources as findings, each once;
    raise the findings, or the first error, or return the parts."""
    findings: set[Diagnostic] = set()
    for outcome in outcomes:
        for record in outcome.messages:
            translated = mkdocs_warnings.findings(record.getMessage(), site)
            if translated is not None:
                findings.update(translated)
            elif record.levelno >= logging.WARNING:  # the strict build stops on it
                findings.add(mkdocs_warnings.unknown(record.getMessage(), site))
            else:
                logging.getLogger(record.name).handle(record)
    errors = [outcome.error for outcome in outcomes if outcome.error is not None]
    findings.update(finding for error in errors if isinstance(error, DiagnosticsError) for finding in error.diagnostics)
    if findings:  # every language's, each once; MkDocs' "Aborted with N warnings" says no more than they do
        raise DiagnosticsError(sorted(findings))
    if errors:
        raise errors[0]
    return [outcome.part for outcome in outcomes if outcome.part is not None]


class _NotMistakes(logging.Filter):
    """Lets through every message of MkDocs' but those haven.publish.mkdocs_warnings knows are no mistake."""

    def __init__(self, site: Site) -> None:
        super().__init__()
        self.site = site

    def filter(self, record: logging.LogRecord) -> bool:
        return mkdocs_warnings.findings(record.getMessage(), self.site) != []


class _Keep(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        # Formatted now: the arguments may not cross to the parent process.
        record.msg, record.args, record.exc_info, record.exc_text = record.getMessage(), None, None, None
        self.records.append(record)


def merge(content: Content, parts: list[Part], site_dir: Path) -> None:
    """Move every language's pages into `site_dir`, which holds the default language's part, and write the
    sitemap and the search index of all languages, in the order of mkdocs.yml (the sequential build's)."""
    by_lang = {part.lang: part for part in parts}
    ordered = [by_lang[language.code] for language in content.site.languages]
    default = content.site.default.code
    for part in ordered:
        if part.lang != default:
            (part.folder / part.lang).rename(site_dir / part.lang)
    _write_sitemap(site_dir, [part.folder / SITEMAP for part in ordered])
    index = searchindex.merged({part.lang: part.search_index for part in ordered}, default)
    (site_dir / searchindex.INDEX).write_text(
        json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )


def _write_sitemap(site_dir: Path, sitemaps: list[Path]) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sitemaps]
    head = texts[0][: texts[0].index(_URLS_START)]
    urls = "".join(text[text.index(_URLS_START) : text.rindex(_URLS_END)] for text in texts)
    output = (head + urls + _URLS_END).encode("utf-8")
    (site_dir / SITEMAP).write_bytes(output)
    # MkDocs stamps the compressed copy with the last language build's time; so does the merge.
    gz = site_dir / f"{SITEMAP}.gz"
    mtime = int.from_bytes((sitemaps[-1].parent / f"{SITEMAP}.gz").read_bytes()[4:8], "little")
    with open(gz, "wb") as file, gzip.GzipFile(fileobj=file, filename=str(gz), mode="wb", mtime=mtime) as zipped:
        zipped.write(output)
