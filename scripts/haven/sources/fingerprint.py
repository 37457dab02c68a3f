"""The build's fingerprint: a digest of every input, kept in the built site, so `haven check` can tell
whether site/ was built from the sources as they are now (and check it as it is) or must build afresh."""

from __future__ import annotations

import hashlib
from pathlib import Path

from haven.sources.site import Site

FILE = ".haven-build"  # in the built site


def fingerprint(site: Site) -> str:
    """A digest of every input of the build: names, sizes and modification times."""
    digest = hashlib.sha256()
    roots = [site.docs_dir, site.strings_dir.parent, site.overrides_dir, site.root / "scripts", site.config_path]
    for root in roots:
        files = (
            [root]
            if root.is_file()
            else sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        )
        for path in files:
            stat = path.stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def is_fresh(site: Site, site_dir: Path) -> bool:
    marker = site_dir / FILE
    return marker.is_file() and marker.read_text().strip() == fingerprint(site)
