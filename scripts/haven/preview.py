"""A quick preview for editors: `make serve LANG=es` builds and serves English and that language only.

A full build of every language takes many seconds; an editor working on one
translation needs English (the fallback and the source) and their language.
mkdocs-static-i18n builds only the languages marked `build: true`; the hooks
unmark the others when HAVEN_PREVIEW_LANG names the language previewed. It is
set by `haven serve --lang` for MkDocs' own `serve` (live reload included),
which reads the configuration afresh at every rebuild.
"""

from __future__ import annotations

import os
from pathlib import Path

from haven.site import Site

ENV = "HAVEN_PREVIEW_LANG"
ADDRESS = "127.0.0.1:8000"


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


def serve(config_path: Path, site: Site, lang: str | None, address: str = ADDRESS) -> None:
    """Serve the site (every language, or English and `lang`) with live reload until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve  # MkDocs' build machinery: slow to import

    limit([], site, lang)  # an unknown language is refused before anything is built
    if lang:
        os.environ[ENV] = lang
    mkdocs_serve(str(config_path), livereload=True, dev_addr=address)
