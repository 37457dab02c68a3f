"""The ids a page's Markdown gives its headings and elements, as MkDocs would render it: what a link's
anchor (`page.md#ask-to-see-the-warrant`) must name.

MkDocs' Markdown settings are read as MkDocs reads them, without loading its whole config: that imports
MkDocs' theme machinery (0.06 s of a 0.8 s `haven check`), and the plugins would import every plugin
(0.3 s). tests/test_markdown_ids.py renders pages with these settings and with MkDocs' own, and compares.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from haven.core import deadline
from haven.sources.content import SourcePage
from haven.sources.site import Site

if TYPE_CHECKING:
    from markdown import Markdown

# The extensions MkDocs always loads before those mkdocs.yml lists (MkDocsConfig.markdown_extensions).
MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")
_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")


class MarkdownIds:
    """The ids of pages' Markdown, rendered with the site's extensions; MkDocs' settings are read at the first
    page, so that a check whose links name no anchor never reads them."""

    def __init__(self, site: Site):
        self.site = site
        self.markdown: Markdown | None = None

    def __call__(self, page: SourcePage) -> set[str]:
        return set(_ID.findall(self._render(page.body)))

    def _render(self, text: str) -> str:
        if self.markdown is None:
            from markdown import Markdown

            extensions, configs = settings(self.site.config_path)
            try:
                self.markdown = Markdown(extensions=extensions, extension_configs=configs)
            except Exception:
                # A setting Markdown refuses: MkDocs' own reading names it, as a build would.
                from mkdocs.config import load_config

                load_config(str(self.site.config_path), plugins=[])
                raise
        self.markdown.reset()
        deadline.start(deadline.READING, lambda page: self.site.show(page.path) if hasattr(page, "path") else None)
        try:
            return self.markdown.convert(text)
        finally:
            deadline.cancel()


def settings(config_path: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The Markdown extensions mkdocs.yml sets, and their options, as MkDocs' config gives them.

    Read with MkDocs' own YAML reading (INHERIT, !ENV and the !!python tags mkdocs.yml may use), then MkDocs'
    rule for the option (MarkdownExtensions.run_validation): a list of names or one-entry mappings, or one
    mapping; its built-in extensions first; each name once. A name or an option Markdown refuses is named by
    MkDocs when the settings are first used (MarkdownIds)."""
    from mkdocs.utils import yaml as mkdocs_yaml

    with config_path.open("rb") as file:
        listed = mkdocs_yaml.yaml_load(file).get("markdown_extensions") or []
    entries = list(listed.items()) if isinstance(listed, dict) else [_entry(item) for item in listed]
    names = [name for name, _ in entries]
    configs = {name: options for name, options in entries if options}
    return list(dict.fromkeys([*MKDOCS_BUILTINS, *names])), configs


def _entry(item: str | dict[str, Any]) -> tuple[str, Any]:
    return next(iter(item.items())) if isinstance(item, dict) else (item, None)
