"""A build killed at any moment, or two builds at once, never leave a broken site/ behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from test_bad_inputs import LAST_GOOD, make

pytestmark = pytest.mark.site

BUILD = "from haven.commands.cli import main; raise SystemExit(main(['-f', {config!r}, 'build']))"


def start(site) -> subprocess.Popen:
    # Its own process group: killing it kills the language builds it forked too.
    return subprocess.Popen(
        [sys.executable, "-c", BUILD.format(config=str(site.config))],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def whole_site_or_last_good(site) -> str:
    index = (site.site_dir / "index.html").read_text(encoding="utf-8")
    if index == LAST_GOOD:
        return "last good"
    assert (site.site_dir / ".haven-build").is_file()  # written last, into the new site before the swap
    assert (site.site_dir / "es" / "rights" / "at-home" / "index.html").is_file()
    return "new"


def test_a_build_killed_at_any_moment_leaves_a_whole_site(tmp_path):
    site = make(tmp_path)
    seen = []
    for moment in (0.3, 1.5, 3.0, 4.5, 6.0):  # from reading the sources to swapping the site in
        build = start(site)
        time.sleep(moment)
        os.killpg(build.pid, signal.SIGKILL)
        build.wait()
        seen.append(whole_site_or_last_good(site))
    assert "last good" in seen  # at least one kill landed mid-build
    build = start(site)
    assert build.wait() == 0
    assert whole_site_or_last_good(site) == "new"
    # What the killed builds left beside the site is gone.
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".site")) == []


def test_two_builds_at_once_both_finish_and_leave_one_whole_site(tmp_path):
    site = make(tmp_path)
    builds = [start(site), start(site)]
    assert [build.wait() for build in builds] == [0, 0]
    assert whole_site_or_last_good(site) == "new"
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".site")) == []
