"""The user's cache: an entry is written whole or not at all."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_a_write_the_disk_refuses_leaves_no_part_behind(tmp_path):
    # The process may write files of 1,000 bytes at most: the kernel refuses the rest, as a full disk would.
    script = textwrap.dedent(
        """
        import resource, signal, sys
        from pathlib import Path
        from haven.core import usercache

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))
        folder = Path(sys.argv[1])
        usercache.write(folder / "small.json", b"x" * 10)
        usercache.write(folder / "large.json", b"x" * 100_000)
        """
    )
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "qr")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr  # a cache that cannot be written never fails a build
    assert sorted(path.name for path in (tmp_path / "qr").iterdir()) == ["small.json"]
