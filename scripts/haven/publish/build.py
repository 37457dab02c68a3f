"""Build the site so that a failed build never replaces the last good one.

MkDocs and mkdocs-static-i18n write straight into `site/` and leave it half
written when a language fails. Haven builds into a fresh folder beside it and
swaps it in only when the whole build, every language, succeeded.

The swap is one atomic exchange of two names where Linux offers it (renameat2), so a build killed at any
moment leaves the last good site in place, and a lock on the folder that holds it lets one build at a time
write there:
a second build waits for the first, then removes what a killed build left behind.

The languages are built in parallel processes, one language at a time each
(haven.publish.parts), then merged and finished (haven.publish.finishing); `jobs=1` runs the
same steps in this process.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from haven.publish import finishing, parts
from haven.sources import content, fingerprint, site


def build(config_path: Path, site_dir: Path, jobs: int | None = None) -> None:
    """Validate the sources, build every language strictly, then swap in the result.

    `jobs` is how many processes build languages at once (default: one per core).
    Raises DiagnosticsError for invalid sources and MkDocs' own exceptions for
    anything the build finds; `site_dir` is then left as it was.
    """
    config_path = Path(config_path).resolve()
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with _only_build(site_dir):
        _build(config_path, site_dir, jobs)


def _build(config_path: Path, site_dir: Path, jobs: int | None) -> None:
    # Our own checks first: they name file and line, MkDocs' config errors do not.
    the_site = site.load(config_path)
    the_content = content.load(the_site)
    inputs = fingerprint.fingerprint(the_site)  # before building: an edit during the build makes it stale
    fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    scratch = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-parts-", dir=site_dir.parent))
    try:
        folders = {
            language.code: fresh if language.default else scratch / language.code for language in the_site.languages
        }
        tasks = [(config_path, folders[code], code, the_content) for code in _longest_first(the_site)]
        with _processes(jobs or len(os.sched_getaffinity(0)), len(tasks)) as each:
            built_parts = parts.parts_of(list(each(parts.build_language, *zip(*tasks, strict=True))), the_site)
            parts.merge(the_content, built_parts, fresh)
            finishing.finish(the_content, fresh, built_parts[0].stylesheet, each=each)
        (fresh / fingerprint.FILE).write_text(inputs + "\n")
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    _swap(fresh, site_dir)


def _longest_first(the_site: site.Site) -> list[str]:
    # The default language's part also copies the theme; starting it first keeps both cores busy to the end.
    return [the_site.default.code] + [code for code in the_site.codes if code != the_site.default.code]


@contextlib.contextmanager
def _processes(jobs: int, tasks: int) -> Iterator[Callable]:
    """A map that runs in `jobs` processes (or in this one, for jobs=1)."""
    if jobs == 1 or tasks == 1:
        yield map
        return
    # fork: the workers start with the content and what this process imported.
    with ProcessPoolExecutor(max_workers=min(jobs, tasks), mp_context=multiprocessing.get_context("fork")) as pool:
        yield pool.map


@contextlib.contextmanager
def _only_build(site_dir: Path) -> Iterator[None]:
    """Hold the lock of the folder that holds the site for a whole build (no lock file is left behind);
    then clear what killed builds left beside the site."""
    folder = os.open(site_dir.parent, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)  # released when the folder is closed, even by a killed build
        for leftover in site_dir.parent.glob(f".{site_dir.name}-*-*"):
            shutil.rmtree(leftover, ignore_errors=True)
        yield
    finally:
        os.close(folder)


def _swap(fresh: Path, site_dir: Path) -> None:
    fresh.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    if not site_dir.exists():
        fresh.rename(site_dir)
        return
    if _exchange(fresh, site_dir):
        shutil.rmtree(fresh, ignore_errors=True)  # the old site, now under the fresh one's name
        return
    old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
    old.rmdir()
    site_dir.rename(old)
    fresh.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders' names in one step (Linux's renameat2); False where the system cannot.

    Python has no call for it (os.rename replaces only files and empty folders), hence ctypes."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    return renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0
