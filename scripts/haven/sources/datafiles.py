"""The YAML files under data/, each read once per build or check.

The loaders (strings, urgent notices, directory, public numbers, redirects, glossary) take their files from here,
and the check of links in data files (haven.checks.links.check_data) reads the same documents: a file is
parsed once, and a file that cannot be read is named once, by whoever read it first.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from haven.core import yamlsource
from haven.core.diagnostics import DiagnosticsError
from haven.core.textfile import read_text
from haven.sources.site import Site


class DataFiles:
    def __init__(self, site: Site) -> None:
        self.site = site
        self._read: dict[Path, yamlsource.YamlDocument | DiagnosticsError] = {}

    def read(self, path: Path) -> yamlsource.YamlDocument:
        """The document in `path`; raises DiagnosticsError (the same one each time) when it cannot be read."""
        if path not in self._read:
            shown = self.site.show(path)
            try:
                self._read[path] = yamlsource.parse(read_text(path, shown), shown)
            except DiagnosticsError as exc:
                self._read[path] = exc
        found = self._read[path]
        if isinstance(found, DiagnosticsError):
            raise found
        return found

    def is_read(self, path: Path) -> bool:
        return path in self._read

    def paths(self) -> Iterator[Path]:
        """Every YAML file under data/, in order."""
        yield from sorted((self.site.root / "data").rglob("*.yml"))
