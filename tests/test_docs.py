"""The editors' documentation stays in step with the code."""

import re

from conftest import REPO
from haven.commands.cli import _parser

CODE = re.compile(r'"(H\d{3})"')


def documented_codes() -> set[str]:
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| (H\d{3}) \|", text, re.MULTILINE))


def test_every_finding_code_is_documented_and_every_documented_code_exists():
    used = {code for path in (REPO / "scripts" / "haven").rglob("*.py") for code in CODE.findall(path.read_text())}
    assert used == documented_codes()


def test_every_command_is_documented():
    verbs = _parser()._subparsers._group_actions[0].choices
    contributing = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for verb in verbs:
        assert f"`haven {verb}" in contributing, verb
    translating = (REPO / "TRANSLATING.md").read_text(encoding="utf-8")
    assert "haven stamp" in translating and "haven new-translation" in translating


def test_ci_runs_what_the_readme_says():
    ci = (REPO / ".ci" / "run").read_text()
    commands = [line for line in ci.splitlines() if line and not line.startswith(("#", "set ", "cd "))]
    assert commands == ["make test", "make check"]
    assert "`.ci/run`, which runs `make test` and `make check`" in (REPO / "README.md").read_text()
