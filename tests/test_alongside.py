"""Work in a second process (haven.core.alongside): its result, its errors, and stopping it."""

import os
import time

import pytest

from haven.core.alongside import Alongside
from haven.core.diagnostics import Diagnostic, DiagnosticsError, file_being_read


def test_the_result_comes_back_from_the_second_process():
    parent = os.getpid()
    with Alongside(lambda: (os.getpid(), [Diagnostic("a.md", 3, "H060", "m", "h")])) as work:
        child, found = work.result()
    assert child != parent and found == [Diagnostic("a.md", 3, "H060", "m", "h")]


def test_what_the_work_raises_is_raised_by_result():
    def fail():
        raise DiagnosticsError([Diagnostic("a.md", 1, "H001", "m", "h")])

    with Alongside(fail) as work, pytest.raises(DiagnosticsError) as raised:
        work.result()
    assert raised.value.diagnostics == [Diagnostic("a.md", 1, "H001", "m", "h")]


def test_the_file_being_read_when_the_work_failed_comes_back_with_the_error():
    def read(path):
        raise KeyError("title")

    with Alongside(lambda: read("docs/es/index.md")) as work, pytest.raises(KeyError) as raised:
        work.result()
    assert file_being_read(raised.value) == "docs/es/index.md"


class _TwoPartError(Exception):
    def __init__(self, what, where):
        super().__init__(f"{what} in {where}")  # its pickle holds one argument: it cannot be made again


def test_an_error_that_cannot_be_sent_back_is_named():
    def fail():
        raise _TwoPartError("no title", "index.md")

    with Alongside(fail) as work, pytest.raises(RuntimeError) as raised:
        work.result()
    assert str(raised.value) == "the second process could not send back _TwoPartError('no title in index.md')"


def test_a_second_process_that_dies_is_named_with_its_exit_code():
    with Alongside(lambda: os._exit(3)) as work, pytest.raises(RuntimeError, match=r"exit code 3\)"):
        work.result()


def test_leaving_without_the_result_stops_the_work(tmp_path):
    started, starting = os.pipe()
    finished = tmp_path / "finished"

    def work():
        os.write(starting, str(os.getpid()).encode())
        time.sleep(30)
        finished.write_text("the work ran to its end")

    with Alongside(work):
        child = int(os.read(started, 20))  # the work has begun
    os.close(started)
    os.close(starting)
    assert not finished.exists()  # stopped, not waited for
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)  # and gone, not left running
