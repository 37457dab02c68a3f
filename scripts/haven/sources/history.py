"""Earlier versions of a file, read from the project's git history.

The only module that runs git. A few calls for all of it: one to learn whether there is a history, then,
per file, one `git log` for the commits that changed it and one `git cat-file --batch` for all their texts.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from haven.core.diagnostics import DiagnosticsError
from haven.core.textfile import decode


class NoHistory(Exception):
    """There is no history to read; the message says why, for an editor."""

    def __init__(self, reason: str, remedy: str, shallow: bool = False):
        self.reason = reason
        self.remedy = remedy
        self.shallow = shallow  # there is a repository, but only its latest commits
        super().__init__(reason)


@dataclass(frozen=True)
class Version:
    commit: str  # its abbreviated name, as `git log` shows it
    date: str  # the day it was committed, YYYY-MM-DD
    text: str


@dataclass
class History:
    """The git repository a folder is in, and the versions of the files read from it so far."""

    top: Path
    # Each English page is read once, however many translations of it are asked about.
    _read: dict[Path, list[Version]] = field(default_factory=dict, repr=False)

    def versions(self, path: Path) -> list[Version]:
        """Every committed version of `path`, newest first, following it across renames (git log --follow);
        NoHistory when git cannot read them."""
        path = Path(path).resolve()
        if path not in self._read:
            try:
                self._read[path] = self._versions(path)
            except subprocess.CalledProcessError as exc:
                raise _refused(exc) from None
        return self._read[path]

    def _versions(self, path: Path) -> list[Version]:
        # Each commit: a NUL, then its name, short name and day on one line, then the file's path in it.
        log = _git(
            self.top,
            "-c",
            "core.quotePath=false",  # a path as it is, not with its letters beyond ASCII escaped
            "log",
            "--follow",
            "--format=%x00%H%x09%h%x09%cs",
            "--name-only",
            "--",
            str(path),
        ).decode("utf-8", "replace")
        entries = []
        for entry in filter(None, log.split("\0")):
            head, _, names = entry.partition("\n")
            full, short, date = head.split("\t")
            name = names.strip().splitlines()[-1] if names.strip() else ""
            if name:
                entries.append((full, short, date, name))
        if not entries:
            return []
        # One process reads every version: the object names on its input, each blob back on its output.
        batch = _git(self.top, "cat-file", "--batch", stdin="".join(f"{e[0]}:{e[3]}\n" for e in entries).encode())
        return [
            Version(short, date, text)
            for (_, short, date, _), text in zip(entries, _blobs(batch), strict=True)
            if text is not None  # a version git cannot give, or not text: nothing to compare with
        ]


def open_history(folder: Path) -> History:
    """The history of the repository `folder` is in; NoHistory when there is none to read, or only its tip."""
    try:
        answer = _git(folder, "rev-parse", "--show-toplevel", "--is-shallow-repository").decode().split("\n")
    except FileNotFoundError:
        raise NoHistory("git is not installed", "install git, then run the command again") from None
    except subprocess.CalledProcessError as exc:
        if b"not a git repository" not in exc.stderr:
            raise _refused(exc) from None
        raise NoHistory(
            "this folder is not in a git repository",
            "work in a clone of the project, made with: git clone https://github.com/<owner>/<repository>.git",
        ) from None
    if answer[1] == "true":
        raise NoHistory(
            "this copy of the project is a shallow clone, without the history of its files",
            "fetch the history with: git fetch --unshallow",
            shallow=True,
        )
    return History(Path(answer[0]))


def _refused(exc: subprocess.CalledProcessError) -> NoHistory:
    """What git said when it refused, e.g. to read a repository another user owns."""
    said = exc.stderr.decode("utf-8", "replace").strip().removeprefix("fatal: ").splitlines() or ["(nothing)"]
    return NoHistory(f"git says: {said[0]}", "do what git says, then run the command again")


def _git(folder: Path, *args: str, stdin: bytes | None = None) -> bytes:
    return subprocess.run(["git", "-C", str(folder), *args], input=stdin, capture_output=True, check=True).stdout


def _blobs(batch: bytes) -> list[str | None]:
    """The texts `git cat-file --batch` printed, in order: each is '<name> blob <size>\\n<bytes>\\n', or
    '<name> missing\\n' for one it cannot give."""
    texts: list[str | None] = []
    at = 0
    while at < len(batch):
        end = batch.index(b"\n", at)
        fields = batch[at:end].split()
        if len(fields) == 3 and fields[1] == b"blob":
            size = int(fields[2])
            texts.append(_text(batch[end + 1 : end + 1 + size]))
            at = end + 1 + size + 1
        else:
            texts.append(None)
            at = end + 1
    return texts


def _text(data: bytes) -> str | None:
    """A version's text as the editor meant it; None for one that was never text (nothing to compare)."""
    try:
        return decode(data, "")
    except DiagnosticsError:
        return None
