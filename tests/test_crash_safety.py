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


def fresh_folders(site) -> set:
    """The folders builds fill before swapping one in; a killed build's stays until the next build starts."""
    return set(site.root.glob(f".{site.site_dir.name}-new-*"))


# From start-up to the swap, each moment seen in the folder the build fills rather than guessed with a
# timer: a build that runs slower (coverage, a busy machine) is still killed at the same step.
MOMENTS = {
    "starting": lambda folder: True,
    "building the languages": lambda folder: folder is not None,
    "finishing the merged site": lambda folder: folder is not None and (folder / "es").is_dir(),
    "about to swap": lambda folder: folder is not None and (folder / ".haven-build").is_file(),
}


def kill_when(site, moment) -> bool:
    """Start a build and kill it (its language processes too) at that moment: False if it ended first."""
    left_before = fresh_folders(site)
    build = start(site)
    while not moment(next(iter(fresh_folders(site) - left_before), None)):
        if build.poll() is not None:
            return False
        time.sleep(0.002)
    os.killpg(build.pid, signal.SIGKILL)
    build.wait()
    return True


def test_a_build_killed_at_any_moment_leaves_a_whole_site(tmp_path):
    site = make(tmp_path)
    for name, moment in MOMENTS.items():
        killed = kill_when(site, moment)
        if name == "about to swap":
            whole_site_or_last_good(site)  # the swap may have happened: either site, whole
        else:
            assert killed, f"the build ended before {name}"
            assert whole_site_or_last_good(site) == "last good", name
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
