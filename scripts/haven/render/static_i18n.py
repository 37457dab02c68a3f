"""Every touch of mkdocs-static-i18n's internals, in one place.

mkdocs-static-i18n 1.3 builds the other languages from inside the first language's on_post_build,
one after the other. Haven builds each language in a process of its own (haven.publish.parts), so it tells
the plugin which language a process builds, and asks whether a build is the outer one. The plugin
also rewrites the language menu for every page and leaves it as it was for the last page: its
untouched list (each language's home page) is read back for the 404 pages. Upgrading the plugin
means reading these few lines against its new code (tests/test_upgrade_path.py pins its version).
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs_static_i18n.plugin import I18n

from haven.sources.site import Site


def _plugin(config: MkDocsConfig) -> I18n:
    return cast(I18n, config.plugins["i18n"])


def languages(config: MkDocsConfig) -> list[Any]:
    """The plugin's language entries, as mkdocs.yml sets them (and haven.commands.preview may limit them)."""
    return _plugin(config).config.languages


def build_only(config: MkDocsConfig, lang: str) -> None:
    """Build `lang` alone in this process: the plugin takes the build as one of its own inner ones."""
    plugin = _plugin(config)
    plugin.current_language = lang
    plugin.building = True


def is_inner_build(config: MkDocsConfig) -> bool:
    """Whether this build is one of the plugin's per-language builds, not the outer one."""
    return bool(_plugin(config).building)


def built_languages(config: MkDocsConfig) -> tuple[str, ...]:
    return tuple(language.locale for language in languages(config) if language.build)


def restore_home_pages_menu(config: MkDocsConfig) -> None:
    """Give the language menu back its links to each home page, as they were before the plugin rewrote
    them for a page. Set as an attribute, as the plugin sets it: templates read the attribute first."""
    vars(config.extra)["alternate"] = deepcopy(_plugin(config).extra_alternate)


class UnknownLanguage(ValueError):
    pass


def limit(languages: list, site: Site, lang: str | None) -> None:
    """Leave every language of mkdocs-static-i18n's configuration but English and `lang` unbuilt."""
    if not lang:
        return
    if lang not in site.codes:
        raise UnknownLanguage(f"'{lang}' is not a language of this site; choose one of: {' '.join(site.codes)}")
    for language in languages:
        language.build = language.locale in (site.default.code, lang)
