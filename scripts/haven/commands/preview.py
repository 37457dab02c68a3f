"""A quick preview for editors: `make serve LANG=es` builds and serves English and that language only.

A full build of every language takes many seconds; an editor working on one
translation needs English (the fallback and the source) and their language.
mkdocs-static-i18n builds only the languages marked `build: true`; the haven
plugin unmarks the others (haven.render.static_i18n.limit) when its `preview_language`
option names the language previewed. `haven serve --lang` sets that option for MkDocs' own `serve` (live
reload included), which reads the configuration afresh at every rebuild.
"""

from __future__ import annotations

import errno
import socket
from pathlib import Path
from typing import Any

from haven.render import static_i18n
from haven.sources.site import Site

ADDRESS = "127.0.0.1:8000"


class AddressInUse(Exception):
    pass


def serve(config_path: Path, site: Site, lang: str | None, address: str = ADDRESS) -> None:
    """Serve the site (every language, or English and `lang`) with live reload until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve  # MkDocs' build machinery: slow to import

    static_i18n.limit([], site, lang)  # an unknown language is refused before anything is built
    _refuse_a_busy_address(address)
    # MkDocs takes options given here over the file's, at every rebuild.
    plugins = with_preview_language(config_path, lang) if lang else None
    mkdocs_serve(str(config_path), livereload=True, dev_addr=address, plugins=plugins)


def _refuse_a_busy_address(address: str) -> None:
    """Stop before building when another server (often an earlier preview) holds the address: MkDocs would
    build the whole site first, then fail on it with an error of its own."""
    host, _, port = address.rpartition(":")
    try:
        family, kind, _, _, where = socket.getaddrinfo(host.strip("[]"), int(port), type=socket.SOCK_STREAM)[0]
    except (OSError, ValueError):  # not an address: MkDocs names what is wrong with it
        return
    with socket.socket(family, kind) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as MkDocs' server binds
        try:
            probe.bind(where)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise AddressInUse(
                    f"{address} is in use, perhaps by another preview: stop it, or serve on another address, "
                    "e.g. make serve ADDR=127.0.0.1:8001"
                ) from None


def with_preview_language(config_path: Path, lang: str) -> dict[str, Any]:
    """mkdocs.yml's plugins as MkDocs reads them (`!ENV` included), the haven plugin's preview_language set.

    As a mapping of names to options, which MkDocs also accepts: it reads a list by emptying it, and `serve`
    hands the same value to every rebuild. (Changes to mkdocs.yml's plugins need a restart of the preview.)
    """
    from mkdocs.config.defaults import MkDocsConfig

    config = MkDocsConfig(config_file_path=str(config_path))
    with open(config_path, "rb") as file:
        config.load_file(file)
    plugins: dict[str, Any] = {}
    for entry in config.get("plugins") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        plugins[name] = options or {}
    plugins["haven"] = {**plugins.get("haven", {}), "preview_language": lang}
    return plugins
