"""The GitHub Actions workflows run only make targets, with every action pinned.

CI must do exactly what a person can run (CONTRIBUTING.md): each `run:` step is a make
target that exists, apart from installing make itself. Every action is pinned to a full
commit SHA, with its version in a comment, since a tag can be moved to other code.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
DEPLOY = WORKFLOWS / "deploy.yml"
SOURCES = WORKFLOWS / "sources.yml"
ACTIONLINT = Path(sys.executable).parent / "actionlint"

# The only run: steps that are not make: the Debian image has no make.
SETUP_STEPS = {
    "apt-get update -qq && apt-get install -y -qq --no-install-recommends make",
    # The deploy's build needs git too, to read the history of the English pages.
    "apt-get update -qq && apt-get install -y -qq --no-install-recommends git make",
}
PINNED_USES = re.compile(
    r"^\s*(?:-\s+)?uses:\s+(?P<action>[\w.-]+/[\w./-]+)@(?P<sha>[0-9a-f]{40})\s+#\s+(?P<version>v\d+(?:\.\d+)*)\s*$"
)


def load(path: Path) -> dict:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    # PyYAML reads the key `on` as the boolean true (YAML 1.1).
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def workflow_files() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.yml")) + sorted(WORKFLOWS.glob("*.yaml"))


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def makefile_targets() -> set[str]:
    targets = set()
    for line in (REPO / "Makefile").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z][\w-]*)\s*:(?![:=])", line)
        if match:
            targets.add(match[1])
    return targets


def make_call(run: str) -> tuple[str, dict[str, str]]:
    """The target and variables of a `make TARGET VAR=value ...` step; fails on anything else."""
    words = shlex.split(run)
    assert len(words) >= 2 and words[0] == "make", f"a run: step must be `make <target>`: {run!r}"
    variables = {}
    for word in words[2:]:
        name, sep, value = word.partition("=")
        assert sep and re.fullmatch(r"[A-Z][A-Z0-9_]*", name), f"only VAR=value may follow the target: {run!r}"
        variables[name] = value
    return words[1], variables


def runs(workflow: dict) -> list[str]:
    return [step["run"].strip() for step in steps(workflow) if "run" in step]


def job_running(workflow: dict, target: str) -> tuple[dict, dict]:
    """The job and the step that run `make TARGET`."""
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            if "run" in step and step["run"].strip() not in SETUP_STEPS and make_call(step["run"])[0] == target:
                return job, step
    raise AssertionError(f"no step runs make {target}")


def step_using(job: dict, action: str) -> dict:
    found = [step for step in job.get("steps", []) if step.get("uses", "").startswith(action + "@")]
    assert len(found) == 1, f"expected one step using {action}"
    return found[0]


def test_both_workflows_exist():
    assert PULL_REQUEST.is_file() and DEPLOY.is_file() and SOURCES.is_file()
    assert set(workflow_files()) == {PULL_REQUEST, DEPLOY, SOURCES}


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(?:-\s+)?uses:", line)]
    used = [step["uses"] for step in steps(load(path)) if "uses" in step]
    used += [job["uses"] for job in load(path)["jobs"].values() if "uses" in job]
    assert used, f"{path.name} uses no action"
    assert len(lines) == len(used), f"{path.name}: every uses: must be on a line of its own"
    for line in lines:
        assert PINNED_USES.match(line), (
            f"{path.name}: pin the action to a full commit SHA with its version in a comment, "
            f"e.g. 'uses: actions/checkout@<40 hex digits> # v7.0.1': {line.strip()}"
        )


def test_an_action_version_is_the_same_commit_everywhere():
    seen: dict[tuple[str, str], set[str]] = {}
    for path in workflow_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            match = PINNED_USES.match(line)
            if match:
                seen.setdefault((match["action"], match["version"]), set()).add(match["sha"])
    assert seen
    assert all(len(shas) == 1 for shas in seen.values()), seen


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_run_steps_only_call_make_targets_that_exist(path):
    targets = makefile_targets()
    assert {"test", "check", "build", "audit"} <= targets
    calls = [run for run in runs(load(path)) if run not in SETUP_STEPS]
    assert calls, f"{path.name} runs no make target"
    for run in calls:
        target, _ = make_call(run)
        assert target in targets, f"{path.name}: make {target} is not a target of the Makefile"


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_read_only_by_default_and_every_job_has_a_timeout(path):
    workflow = load(path)
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        assert 0 < job.get("timeout-minutes", 0) <= 30, f"{path.name}: job {name} needs a timeout of 30 minutes at most"
        assert set(job.get("permissions", {}).values()) <= {"read", "write"}


def test_pull_requests_run_test_check_and_audit_and_keep_the_report():
    workflow = load(PULL_REQUEST)
    assert {"pull_request", "workflow_dispatch"} <= set(workflow["on"])
    test_job, _ = job_running(workflow, "test")
    # The whole suite takes about 17 minutes on 2 cores.
    assert test_job["timeout-minutes"] == 30
    job_running(workflow, "audit")
    check_job, check_step = job_running(workflow, "check")
    report = make_call(check_step["run"])[1].get("REPORT")
    assert report, "make check must write its report to a file (REPORT=...) for reviewers"
    upload = step_using(check_job, "actions/upload-artifact")
    assert upload.get("if") == "always()", "the report is needed most when the check fails"
    assert upload["with"]["path"] == report
    steps_of_check = check_job["steps"]
    assert steps_of_check.index(upload) > steps_of_check.index(check_step)
    assert not any("permissions" in job for job in workflow["jobs"].values()), "pull requests need no write access"


def test_sources_are_visited_every_week_and_the_report_is_kept():
    workflow = load(SOURCES)
    assert [entry["cron"] for entry in workflow["on"]["schedule"]] == ["17 6 * * 1"]
    job, step = job_running(workflow, "sources")
    report = make_call(step["run"])[1]["REPORT"]
    upload = step_using(job, "actions/upload-artifact")
    assert upload["if"] == "always()" and upload["with"]["path"] == report


def test_deploy_builds_publishes_to_pages_then_verifies_the_published_site():
    workflow = load(DEPLOY)
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in workflow["on"]
    assert workflow["concurrency"]["group"] == "pages"

    build_job, build_step = job_running(workflow, "build")
    configure = step_using(build_job, "actions/configure-pages")
    site_url = build_step["env"]["HAVEN_SITE_URL"]
    assert f"steps.{configure['id']}.outputs.base_url" in site_url
    # security.txt names where to report a vulnerability: the repository's own advisory form.
    assert build_step["env"]["HAVEN_SECURITY_CONTACT"] == (
        "https://github.com/${{ github.repository }}/security/advisories/new"
    )
    upload = step_using(build_job, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site"
    # Without it the action drops every dotted path, /.well-known/security.txt included.
    assert upload["with"]["include-hidden-files"] is True
    order = build_job["steps"]
    assert order.index(configure) < order.index(build_step) < order.index(upload)
    # The editors' status page shows what changed in English since each translation: it reads the whole
    # history, which the checkout gives only with git in the image (installed first) and fetch-depth 0.
    checkout = step_using(build_job, "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0
    install = next(step for step in order if "git" in step.get("run", "").split())
    assert order.index(install) < order.index(checkout)

    # What is published passed the pull request's checks first, even when pushed without one.
    check_job, _ = job_running(workflow, "check")
    check_name = next(name for name, job in workflow["jobs"].items() if job is check_job)
    assert build_job["needs"] in (check_name, [check_name])

    build_name = next(name for name, job in workflow["jobs"].items() if job is build_job)
    deploy_name, deploy_job = next(
        (name, job)
        for name, job in workflow["jobs"].items()
        if any(s.get("uses", "").startswith("actions/deploy-pages@") for s in job.get("steps", []))
    )
    assert deploy_job["needs"] in (build_name, [build_name])
    assert deploy_job["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy_job["environment"]["name"] == "github-pages"
    deployment = step_using(deploy_job, "actions/deploy-pages")
    assert deploy_job["outputs"]["page_url"] == f"${{{{ steps.{deployment['id']}.outputs.page_url }}}}"

    verify_job, verify_step = job_running(workflow, "verify")
    assert verify_job["needs"] in (deploy_name, [deploy_name])
    url = make_call(verify_step["run"])[1]["URL"]
    # The address comes through the environment, never pasted into the script.
    assert url == "$PAGE_URL"
    assert verify_step["env"]["PAGE_URL"] == f"${{{{ needs.{deploy_name}.outputs.page_url }}}}"
    # Only the deploy job may write to Pages.
    assert [name for name, job in workflow["jobs"].items() if "permissions" in job] == [deploy_name]


def test_actionlint_finds_nothing_in_the_workflows():
    assert ACTIONLINT.is_file(), f"{ACTIONLINT} is missing: run make setup"
    files = [str(p) for p in workflow_files()]
    result = subprocess.run(
        [str(ACTIONLINT), "-shellcheck=", "-pyflakes=", *files], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_actionlint_does_find_mistakes(tmp_path):
    # Without this, a linter that checked nothing would pass the test above.
    broken = tmp_path / "broken.yml"
    broken.write_text(
        DEPLOY.read_text(encoding="utf-8").replace("steps.pages.outputs", "steps.page.outputs"), encoding="utf-8"
    )
    result = subprocess.run(
        [str(ACTIONLINT), "-shellcheck=", "-pyflakes=", str(broken)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1 and "page" in result.stdout


# make check REPORT=file, with stand-ins for ruff, actionlint and haven so it takes a moment.


def fake_bin(tmp_path: Path, actionlint_exit: int, haven_exit: int, ruff_exit: int = 0, imports_exit: int = 0) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, code, says in (
        ("ruff", ruff_exit, ["scripts/haven/x.py:1:1: F401 code finding"]),
        ("mypy", 0, ["Success: no issues found"]),
        ("lint-imports", imports_exit, ["Import Linter banner", "Contracts: 3 kept, 0 broken."]),
        ("actionlint", actionlint_exit, ["workflow finding"]),
        ("haven", haven_exit, ["docs/es/index.md:9: H060 a finding"]),
    ):
        tool = bin_dir / name
        lines = "".join(f"echo '{name}: {line}'\n" for line in says)
        tool.write_text(f"#!/bin/sh\n{lines}echo '{name} to stderr' >&2\nexit {code}\n")
        tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
    python = bin_dir / "python"  # make setup's compile of Haven's modules, which has nothing to say
    python.write_text("#!/bin/sh\nexit 0\n")
    python.chmod(python.stat().st_mode | stat.S_IXUSR)
    ready = tmp_path / "ready"
    ready.touch()
    return bin_dir


def make_check(
    tmp_path: Path, actionlint_exit: int, haven_exit: int, ruff_exit: int = 0, imports_exit: int = 0
) -> tuple[subprocess.CompletedProcess, str]:
    bin_dir = fake_bin(tmp_path, actionlint_exit, haven_exit, ruff_exit, imports_exit)
    report = tmp_path / "check-report.txt"
    result = subprocess.run(
        ["make", "--no-print-directory", "check", f"BIN={bin_dir}", f"READY={tmp_path / 'ready'}", f"REPORT={report}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "MAKEFLAGS": ""},
    )
    return result, report.read_text(encoding="utf-8") if report.exists() else ""


def test_make_check_report_holds_what_the_terminal_shows(tmp_path):
    result, report = make_check(tmp_path, 0, 0)
    assert result.returncode == 0, result.stderr
    for line in (
        "ruff: scripts/haven/x.py:1:1: F401 code finding",
        "lint-imports: Contracts: 3 kept, 0 broken.",
        "actionlint: workflow finding",
        "haven: docs/es/index.md:9: H060 a finding",
        "haven to stderr",
    ):
        assert line in report and line in result.stdout
    # lint-imports' banner comes before the findings an editor needs: only its last line is shown.
    assert "Import Linter banner" not in report


def test_make_check_with_a_report_still_fails_when_the_check_fails(tmp_path):
    result, report = make_check(tmp_path, 0, 1)
    assert result.returncode != 0
    assert "H060 a finding" in report


def test_make_check_stops_on_a_workflow_finding(tmp_path):
    result, report = make_check(tmp_path, 1, 0)
    assert result.returncode != 0
    assert "workflow finding" in report and "H060" not in report


def test_make_check_stops_on_a_code_finding(tmp_path):
    result, report = make_check(tmp_path, 0, 0, ruff_exit=1)
    assert result.returncode != 0
    assert "F401 code finding" in report and "workflow finding" not in report


def test_make_check_shows_all_lint_imports_says_when_a_contract_is_broken(tmp_path):
    result, report = make_check(tmp_path, 0, 0, imports_exit=1)
    assert result.returncode != 0
    assert "lint-imports: Import Linter banner\nlint-imports: Contracts" in report and "workflow finding" not in report


# make audit: pip-audit's exact options, and the check of its report.


def test_make_audit_looks_up_the_exact_pins_without_resolving(tmp_path):
    stamp = tmp_path / "audit-ready"
    stamp.touch()
    result = subprocess.run(
        ["make", "-n", "--no-print-directory", "audit", f"AUDIT_READY={stamp}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "MAKEFLAGS": ""},
    )
    assert result.returncode == 0, result.stderr
    command = " ".join(result.stdout.split())
    for option in (
        "pip-audit --strict --disable-pip --no-deps",
        "--requirement requirements.lock",
        "--requirement requirements-audit.lock",
        "scripts/audit_report.py",
    ):
        assert option in command


def test_the_audit_lock_pins_exactly_and_repeats_nothing_of_requirements_lock():
    def names(path: Path) -> set[str]:
        found = set()
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                assert re.fullmatch(r"[A-Za-z0-9._-]+==[\w.]+", line), line
                found.add(re.sub(r"[-_.]+", "-", line.split("==")[0]).lower())
        return found

    audit = names(REPO / "requirements-audit.lock")
    assert "pip-audit" in audit
    assert not audit & names(REPO / "requirements.lock")


def audit_report(tmp_path: Path, report: dict | None, lock: str = "alpha==1.0\nBeta_Two==2.0\n"):
    (tmp_path / "test.lock").write_text("# a comment\n" + lock, encoding="utf-8")
    report_path = tmp_path / "report.json"
    if report is not None:
        report_path.write_text(json.dumps(report), encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / "audit_report.py"), str(report_path), str(tmp_path / "test.lock")],
        capture_output=True,
        text=True,
        timeout=60,
    )


CLEAN = {
    "dependencies": [
        {"name": "alpha", "version": "1.0", "vulns": []},
        {"name": "beta-two", "version": "2.0", "vulns": []},
    ],
    "fixes": [],
}


def test_audit_passes_when_every_pin_was_looked_up(tmp_path):
    result = audit_report(tmp_path, CLEAN)
    assert result.returncode == 0, result.stderr
    assert "all 2 pinned packages" in result.stdout


@pytest.mark.parametrize(
    "report, says",
    [
        (None, "wrote no report"),
        ({"dependencies": [], "fixes": []}, "test.lock:2: alpha==1.0: not in pip-audit's report"),
        (
            {"dependencies": [CLEAN["dependencies"][0], {"name": "beta-two", "skip_reason": "Dependency not found"}]},
            "test.lock:3: Beta_Two==2.0: not looked up (Dependency not found)",
        ),
        (
            {"dependencies": [CLEAN["dependencies"][0], {"name": "beta-two", "version": "2.1", "vulns": []}]},
            "looked up version 2.1 instead",
        ),
        (
            {
                "dependencies": [
                    CLEAN["dependencies"][0],
                    {
                        "name": "beta-two",
                        "version": "2.0",
                        "vulns": [{"id": "PYSEC-2026-1", "fix_versions": ["2.0.1"], "aliases": ["CVE-2026-1"]}],
                    },
                ]
            },
            "test.lock:3: Beta_Two==2.0: known vulnerability PYSEC-2026-1 (CVE-2026-1); fixed in: 2.0.1",
        ),
    ],
    ids=["no report", "left out", "skipped", "other version", "vulnerable"],
)
def test_audit_fails_unless_every_pin_was_looked_up_and_is_clean(tmp_path, report, says):
    result = audit_report(tmp_path, report)
    assert result.returncode == 1
    assert says in result.stderr


def test_audit_fails_on_a_lock_line_that_is_not_an_exact_pin(tmp_path):
    result = audit_report(tmp_path, CLEAN, lock="alpha==1.0\nBeta_Two==2.0\ngamma>=3\n")
    assert result.returncode == 1
    assert "test.lock:4: not pinned exactly" in result.stderr


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_no_workflow_runs_a_forks_code_with_write_access_or_secrets(path):
    """pull_request_target and workflow_run run with the repository's tokens and secrets: a fork's code
    must never run there. Pull requests get read-only tokens and no secrets."""
    workflow = load(path)
    assert not {"pull_request_target", "workflow_run"} & set(workflow["on"])
    if "pull_request" in workflow["on"]:
        assert "secrets." not in path.read_text(encoding="utf-8")
        assert workflow["permissions"] == {"contents": "read"}
        assert all("permissions" not in job for job in workflow["jobs"].values())


def test_every_language_folder_has_reviewers():
    owners = [
        line.split()
        for line in (REPO / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    patterns = {words[0]: words[1:] for words in owners}
    languages = sorted(path.name for path in (REPO / "docs").iterdir() if path.is_dir())
    for code in languages:
        assert patterns.get(f"/docs/{code}/"), f"/docs/{code}/ has no reviewers in .github/CODEOWNERS"
        assert patterns.get(f"/data/strings/{code}.yml"), f"data/strings/{code}.yml has no reviewers"
    # What runs or decides what is published is the maintainers' alone.
    for path in ("/scripts/", "/overrides/", "/.github/", "/mkdocs.yml", "/Makefile", "/requirements.lock"):
        assert patterns.get(path) == ["@haven-project/maintainers"], path
