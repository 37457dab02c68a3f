"""A time limit on reading pages, so that no input keeps a build or a check busy for long.

Python-Markdown reads some text in time that grows with the square of its length: a page of a few
thousand '[' signs takes minutes, a long one hours. No page an editor writes comes near, so a limit far
above any real page's time stops such a page with a finding instead. The limit is a timer signal (POSIX
setitimer), which interrupts Python code wherever it is; the page then being read is found in the stack.
"""

from __future__ import annotations

import signal
from collections.abc import Callable

from haven.core.diagnostics import Diagnostic, DiagnosticsError

# Seconds one language's pages may take to read (a real language takes about 3 s on two cores).
READING = 120.0


def start(seconds: float, shown: Callable[[object], str | None]) -> None:
    """Stop the reading with a finding after `seconds`; `shown` names the file of a `page` found in the
    stack (MkDocs' Page or Haven's SourcePage), or None for another kind of `page`."""

    def stop(signum, frame) -> None:
        raise DiagnosticsError(
            [
                Diagnostic(
                    _page_in(frame, shown),
                    1,
                    "H025",
                    f"reading the pages took more than {seconds:.0f} s, and stopped here",
                    "look for long runs of '[' or '<' signs, which Markdown reads very slowly; or split the page",
                )
            ]
        )

    signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)


def cancel() -> None:
    signal.setitimer(signal.ITIMER_REAL, 0)


def _page_in(frame, shown: Callable[[object], str | None]) -> str:
    """The file of the page being read when the time ran out: the nearest `page` in the stack."""
    while frame is not None:
        if "page" in frame.f_locals:
            found = shown(frame.f_locals["page"])
            if found:
                return found
        frame = frame.f_back
    return "mkdocs.yml"
