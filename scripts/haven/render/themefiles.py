"""The theme's files MkDocs copies into the site, listed once per process.

Before each language's build, MkDocs lists every file of the theme's folders and keeps those it copies
(`Files.add_files_from_theme`). Material's folder holds 14,500 files, 14,400 of them icons MkDocs never
copies: the listing was 55 ms of every language's build, a third of a small site's, and twice that
under the tests' line coverage. Material's and MkDocs' folders do not change while a process runs, so
what MkDocs keeps of each is kept here; the site's own folder (`custom_dir`, overrides/) is listed
afresh each time, as a preview's rebuild must see a file added there. MkDocs' own method still decides
what is kept and from which folder it is copied: it is handed a stand-in for the theme's Jinja
environment that answers its one question, the listing, from what is kept.

Kept for the process rather than on the plugin: each language's build loads a configuration, and so a
plugin instance, of its own. The change holds for one build at a time, from the plugin's `on_pre_build`
to its `on_files` (or `on_build_error`); tests/test_themefiles.py compares the files it gives with
MkDocs' own.
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

_own_listing = Files.add_files_from_theme


class _Listing:
    """Stands in for the theme's Jinja environment in `Files.add_files_from_theme`, which only lists it."""

    def __init__(self, config: MkDocsConfig):
        self.dirs = list(config.theme.dirs)
        self.custom_dir = config.theme.custom_dir
        self.static_templates = tuple(sorted(config.theme.static_templates))

    def list_templates(self, filter_func: Callable[[str], bool]) -> list[str]:
        names: set[str] = set()
        for folder in self.dirs:
            if folder == self.custom_dir:
                names.update(_kept(folder, filter_func))
            else:
                # MkDocs' filter depends on the configuration only through the theme's static templates.
                names.update(_kept_of_installed(folder, self.static_templates, filter_func))
        return sorted(names)  # as Jinja lists them


def _kept(folder: str, filter_func: Callable[[str], bool]) -> tuple[str, ...]:
    return tuple(name for name in jinja2.FileSystemLoader(folder).list_templates() if filter_func(name))


# What MkDocs keeps of each installed theme folder, by folder and the theme's static templates.
_kept_in_installed: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}


def _kept_of_installed(
    folder: str, static_templates: tuple[str, ...], filter_func: Callable[[str], bool]
) -> tuple[str, ...]:
    key = (folder, static_templates)
    if key not in _kept_in_installed:
        _kept_in_installed[key] = _kept(folder, filter_func)
    return _kept_in_installed[key]


def _add_files_from_theme(files: Files, env: jinja2.Environment, config: MkDocsConfig) -> None:
    """MkDocs' own method, its listing answered from what is kept."""
    _own_listing(files, _Listing(config), config)  # type: ignore[arg-type]  # it only calls list_templates


def keep() -> None:
    """Until `stop`, MkDocs lists the theme's files through this module."""
    Files.add_files_from_theme = _add_files_from_theme  # type: ignore[method-assign,assignment]


def stop() -> None:
    Files.add_files_from_theme = _own_listing  # type: ignore[method-assign,assignment]
