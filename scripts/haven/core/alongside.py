"""Work done in a second process while this one goes on with other work.

`haven check` checks the built pages on a second core while it reads the sources, and looks for the
glossary's words while it runs its other source checks: neither half needs the other's result. The
process is forked, so the work and what it reads are not copied or pickled; only the result comes
back, through a pipe.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Generic, TypeVar

from haven.core.diagnostics import FILE_BEING_READ, file_being_read

T = TypeVar("T")


class Alongside(Generic[T]):
    """`work()` running in a forked process: `result()` waits for it; leaving the `with` block without it
    stops the work."""

    def __init__(self, work: Callable[[], T]):
        context = multiprocessing.get_context("fork")
        self._results, sending = context.Pipe(duplex=False)
        self._process = context.Process(target=_send_result, args=(work, sending), daemon=True)
        self._process.start()
        sending.close()  # the child holds the only sending end: a child that dies shows as the pipe's end

    def result(self) -> T:
        """What `work()` returned; what it raised is raised here."""
        try:
            returned, value = self._results.recv()
        except (EOFError, OSError):  # the child ended before it sent all of its result
            raise RuntimeError(f"the second process stopped without a result (exit code {self._wait()})") from None
        self._wait()
        if not returned:
            raise value
        return value

    def __enter__(self) -> Alongside[T]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._process.exitcode is None:  # the result was not asked for
            self._process.kill()
        self._wait()

    def _wait(self) -> int | None:
        self._process.join()
        self._results.close()
        return self._process.exitcode


def _send_result(work: Callable[[], object], sending: Connection) -> None:
    # Ctrl-C reaches both processes: this one is stopped by the first, which gets it as KeyboardInterrupt.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        outcome: tuple[bool, object] = (True, work())
    except Exception as exc:
        # The traceback stays in this process: the file it names goes back with the error.
        setattr(exc, FILE_BEING_READ, file_being_read(exc))
        outcome = (False, exc)
    try:
        message = pickle.dumps(outcome)
        pickle.loads(message)  # an error whose class cannot be made again from its pickle fails here, not there
    except Exception:
        returned, value = outcome
        failed = RuntimeError(f"the second process could not send back {'its result' if returned else repr(value)}")
        setattr(failed, FILE_BEING_READ, getattr(value, FILE_BEING_READ, None))
        message = pickle.dumps((False, failed))
    try:
        sending.send_bytes(message)
    except OSError:  # the first process has gone: nobody is waiting for this
        os._exit(1)
