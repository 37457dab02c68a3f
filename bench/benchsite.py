"""The built site a benchmark measures: the folder given as its first argument, or a fresh build of the repository."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from haven.publish.build import build  # noqa: E402


def site_dir(argv: list[str]) -> Path:
    if len(argv) > 1:
        return Path(argv[1])
    built = Path(tempfile.mkdtemp()) / "site"
    build(ROOT / "mkdocs.yml", built)
    return built
