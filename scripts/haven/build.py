"""Build the site so that a failed build never replaces the last good one.

MkDocs and mkdocs-static-i18n write straight into `site/` and leave it half
written when a language fails. Haven builds into a fresh folder beside it and
swaps it in only when the whole build, every language, succeeded.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from haven import built, content, site


def build(config_path: Path, site_dir: Path) -> None:
    """Validate the sources, build every language strictly, then swap in the result.

    Raises DiagnosticsError for invalid sources and MkDocs' own exceptions for
    anything the build finds; `site_dir` is then left as it was.
    """
    config_path = Path(config_path).resolve()
    # Our own checks first: they name file and line, MkDocs' config errors do not.
    the_site = site.load(config_path)
    content.load(the_site)
    inputs = built.fingerprint(the_site)  # before building: an edit during the build makes it stale
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        mkdocs_build(load_config(str(config_path), site_dir=str(fresh), strict=True))
        (fresh / built.FINGERPRINT).write_text(inputs + "\n")
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    _swap(fresh, site_dir)


def _swap(fresh: Path, site_dir: Path) -> None:
    fresh.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    if not site_dir.exists():
        fresh.rename(site_dir)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
    old.rmdir()
    site_dir.rename(old)
    fresh.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
