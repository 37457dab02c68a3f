"""Where Haven keeps what it can reuse between builds: the user's cache folder (the XDG convention).

Only work that gives the same result for the same input is kept (compiled templates, drawn QR codes), each
under a key of everything it depends on, so a cache never changes what a build makes; deleting the folder
only makes the next build slower.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def folder(kind: str) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "haven" / kind


def write(path: Path, data: bytes, keep: int | None = None) -> None:
    """Keep `data` at `path` whole or not at all (processes building at once may write the same entry); a
    full disk or a folder that cannot be written never fails a build.

    `keep`: how many entries the folder keeps at most; those written or touched longest ago go first."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".", delete=False) as file:
            try:
                file.write(data)
                file.close()
                os.replace(file.name, path)
            except OSError:  # a full disk: the half-written file does not stay beside the entries
                os.unlink(file.name)
                raise
        if keep is not None:
            _prune(path.parent, keep)


def kept_json(
    kind: str,
    key: Iterable[str],
    make: Callable[[], T],
    to_json: Callable[[T], object],
    from_json: Callable[[Any], T],
) -> T:
    """What `make()` gives, kept as one JSON file in the folder `kind` under a digest of `key` (everything the
    result depends on). `from_json` raises ValueError, KeyError or TypeError on a value it could not have been
    given: a copy cut short or edited by hand is made again."""
    digest = hashlib.sha256("\0".join(key).encode()).hexdigest()
    path = folder(kind) / f"{digest}.json"
    try:
        return from_json(json.loads(path.read_bytes()))
    except (OSError, ValueError, KeyError, TypeError):  # not kept yet, or not whole
        pass
    made = make()
    write(path, json.dumps(to_json(made), ensure_ascii=False).encode("utf-8"))
    return made


def _prune(folder: Path, keep: int) -> None:
    entries = []
    for entry in folder.iterdir():
        with contextlib.suppress(OSError):  # another build may have pruned it already
            if not entry.name.startswith("."):
                entries.append((entry.stat().st_mtime, entry))
    for _, entry in sorted(entries, reverse=True)[keep:]:
        entry.unlink(missing_ok=True)


class KeptMap(Generic[T]):
    """Results kept in one JSON file of the cache, each under a key of everything it depends on: what one run
    used is what the next run finds (`save` keeps only those, so the file holds one site's worth).

    `valid`: whether a value read back is one this map could have written (a file cut short or edited by
    hand is not used)."""

    def __init__(self, path: Path, valid: Callable[[object], bool]):
        self.path = path
        try:
            loaded = json.loads(path.read_bytes())
        except (OSError, ValueError):  # none kept yet, or a file cut short
            loaded = {}
        self.known: dict[str, T] = (
            {key: value for key, value in loaded.items() if valid(value)} if isinstance(loaded, dict) else {}
        )
        self._loaded = dict(self.known)
        self._used: dict[str, T] = {}

    def get(self, key: str, make: Callable[[], T]) -> T:
        """What is kept under `key`, or what `make()` gives, kept from now on."""
        if key not in self.known:
            self.known[key] = make()
        self._used[key] = self.known[key]
        return self._used[key]

    def save(self) -> None:
        if self._used != self._loaded:
            write(self.path, json.dumps(self._used, sort_keys=True, ensure_ascii=False).encode("utf-8"))
