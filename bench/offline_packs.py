"""Size of each language's offline pack (haven/publish/offline.py), as readers download it and unzipped.

    .venv/bin/python bench/offline_packs.py [site-dir]

Builds the site into a scratch folder unless a built one is given.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import benchsite  # noqa: E402

from haven.publish import offline  # noqa: E402
from haven.sources import site  # noqa: E402


def main() -> None:
    the_site = site.load(ROOT / "mkdocs.yml")
    site_dir = benchsite.site_dir(sys.argv)
    print("| pack | size | unzipped |")
    print("|---|---|---|")
    for code in the_site.codes:
        pack = site_dir / offline.FOLDER / offline.pack_name(code)
        with zipfile.ZipFile(pack) as archive:
            unzipped = sum(entry.file_size for entry in archive.infolist())
        print(f"| {code} | {pack.stat().st_size / 1000:.0f} KB | {unzipped / 1e6:.2f} MB |")


if __name__ == "__main__":
    main()
