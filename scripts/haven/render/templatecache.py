"""Compiled theme templates, kept between builds.

Every language's build makes a new Jinja environment, which compiles Material's and Haven's templates
again: about half of a small site's build time. Jinja's own bytecode cache keeps each compiled
template in the user's cache folder, keyed by the template's name and file and checked against its
source (and Jinja's and Python's versions), so an edited template is compiled again.
"""

from __future__ import annotations

import contextlib

import jinja2

from haven.core import usercache


class _Cache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache (its writes are atomic), which a full disk or a folder that cannot be written
    never fails a build on: the template is then compiled as it would be without a cache."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def use(env: jinja2.Environment) -> None:
    """Let `env` load compiled templates from the cache, and save those it compiles."""
    directory = usercache.folder("templates")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    env.bytecode_cache = _Cache(str(directory))
