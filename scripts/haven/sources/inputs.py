"""Only the repository's own files are published: what may stand under docs/, data/ and overrides/.

MkDocs publishes whatever it finds in docs/ and the theme folder, following symbolic links: a link to a file
outside the repository would put that file on the site. Before anything is read, every entry of the three
folders is checked: no symbolic link may lead out of them, nothing but regular files and folders, only the
kinds of file the site uses, page and data file names as addresses need them, and no file over a size a
phone could still download. Names starting with '.' are left alone: MkDocs publishes none of them.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from haven.core.diagnostics import Diagnostic
from haven.sources.site import Site

PICTURES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}
KINDS = {
    "docs": {".md", ".pdf", *PICTURES},
    "data": {".yml", ".txt"},
    "overrides": {".html", ".css", ".js", ".ico", ".woff2", *PICTURES},
}
MAX_BYTES = 5_000_000  # a picture or a PDF a reader on a paid connection would still open
# Page and data file names become addresses: lowercase letters, digits, '-', '_' and '.'.
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]*")


def findings(site: Site) -> list[Diagnostic]:
    """Every entry under docs/, data/ and overrides/ that may not be published."""
    roots = {"docs": site.docs_dir, "data": site.root / "data", "overrides": site.overrides_dir}
    inside = [root.resolve() for root in roots.values()]
    found = []
    for folder, root in roots.items():
        for directory, names, files in os.walk(root):
            names[:] = [name for name in names if not name.startswith(".")]
            for name in sorted(names + files):
                if not name.startswith("."):
                    found += _entry(site, folder, Path(directory) / name, inside)
    return found


def _entry(site: Site, folder: str, path: Path, inside: list[Path]) -> list[Diagnostic]:
    shown = site.show(path.parent) + "/" + path.name  # the link's own name, not where it leads
    if path.is_symlink():
        target = path.resolve()
        if not any(target == root or root in target.parents for root in inside) or not target.exists():
            return [
                Diagnostic(
                    shown,
                    1,
                    "H018",
                    f"this is a symbolic link to {os.readlink(path)}, which is not a "
                    "file of docs/, data/ or overrides/",
                    "put the file itself here, not a link to it",
                )
            ]
        return []
    status = path.lstat()  # not a link: the file itself
    mode = status.st_mode
    if stat.S_ISDIR(mode):
        return _name(shown, folder, path.name)
    if not stat.S_ISREG(mode):
        return [Diagnostic(shown, 1, "H019", "this is not a file (a device, a pipe or a socket)", "remove it")]
    suffix = path.suffix.lower()
    if suffix not in KINDS[folder]:
        kinds = ", ".join(sorted(KINDS[folder]))
        return [
            Diagnostic(
                shown,
                1,
                "H023",
                f"{folder}/ holds no files of the kind '{suffix or path.name}'",
                f"{folder}/ holds only these kinds of file: {kinds}",
            )
        ]
    if status.st_size > MAX_BYTES:
        return [
            Diagnostic(
                shown,
                1,
                "H017",
                f"this file is {status.st_size // 1000:,} KB, over the "
                f"{MAX_BYTES // 1000:,} KB a reader should have to download",
                "make the picture or the document smaller",
            )
        ]
    return _name(shown, folder, path.name)


def _name(shown: str, folder: str, name: str) -> list[Diagnostic]:
    if folder == "overrides" or _NAME.fullmatch(name):
        return []
    return [
        Diagnostic(
            shown,
            1,
            "H024",
            f"the name '{name}' has capitals, spaces or other signs",
            f"rename it to '{_suggested(name)}': names become addresses, which take lowercase letters, "
            "digits and '-' only",
        )
    ]


def _suggested(name: str) -> str:
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9._-]", "-", name.lower())).strip("-") or "page"
