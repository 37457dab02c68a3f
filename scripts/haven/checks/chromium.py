"""Chromium, as the browser tests and `haven verify` run it: Debian's chromium-headless-shell by default,
the browser's own engine without its desktop layers (Playwright's choice for headless runs too)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize

EXECUTABLE = Path(os.environ.get("HAVEN_CHROMIUM", "/usr/bin/chromium-headless-shell"))
# Flags that keep Chromium from calling home: on a closed network those calls
# fail, and on an open one they are not the site's requests.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE: ViewportSize = {"width": 360, "height": 740}
