"""The YAML files under data/, each read once per build or check.

The loaders (strings, urgent notices, directory, public numbers, redirects, glossary) take their files from here,
and the check of links in data files (haven.checks.links.check_data) reads the same documents: a file is
parsed once, and a file that cannot be read is named once, by whoever read it first.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from haven.core import yamlsource
from haven.core.diagnostics import Diagnostic, DiagnosticsError
from haven.core.textfile import read_text
from haven.sources.models import validate
from haven.sources.site import Site

M = TypeVar("M", bound=BaseModel)


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

    def validated(
        self, path: Path, model: type[M], what: str
    ) -> tuple[M | None, yamlsource.YamlDocument | None, list[Diagnostic]]:
        """The file as `model`, the document it was read from, and its problems; nothing, and no problem,
        when the file does not exist (a site may do without it)."""
        if not path.exists():
            return None, None, []
        try:
            doc = self.read(path)
        except DiagnosticsError as exc:
            return None, None, exc.diagnostics
        found, problems = validate(model, doc, what)
        return found, doc, problems

    def is_read(self, path: Path) -> bool:
        return path in self._read

    def paths(self) -> Iterator[Path]:
        """Every YAML file under data/, in order."""
        yield from sorted((self.site.root / "data").rglob("*.yml"))


def same_ids(path: str, lines: Mapping[str, int], ids: list[str], kind: str) -> list[Diagnostic]:
    """A finding for each id two entries share (`kind`: 'notices'): what names one would reach either."""
    return [
        Diagnostic(path, lines[i], "H002", f"two {kind} are called '{i}'", "give each its own id")
        for i in sorted({i for i in ids if ids.count(i) > 1})
    ]
