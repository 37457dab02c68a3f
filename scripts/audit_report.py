"""Read pip-audit's JSON report; fail unless every pinned package was looked up and is clean.

pip-audit can end with "No known vulnerabilities found" having looked nothing up: a
package the vulnerability service does not answer for is skipped, which is not an error
without --strict, and a pin whose environment marker does not apply is left out without a
word. `make audit` runs pip-audit with --strict, then this script, which checks the report
itself against the lock files: every pinned package must be in it, at its pinned version,
not skipped, and without a known vulnerability.

Usage: python scripts/audit_report.py REPORT.json LOCKFILE...
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(?P<version>[^\s;#]+)\s*(?:#.*)?$")


@dataclass(frozen=True)
class Pin:
    path: str
    line: int
    name: str
    version: str


def canonical(name: str) -> str:
    """A package's name as PyPI compares names (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(path: Path) -> tuple[list[Pin], list[str]]:
    """Every `name==version` line of a lock file, and a problem for each line that is not one."""
    pins: list[Pin] = []
    problems: list[str] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        match = PIN.match(text)
        if match is None:
            problems.append(f"{path}:{number}: not pinned exactly as name==version, so it cannot be audited: {text}")
            continue
        pins.append(Pin(str(path), number, match["name"], match["version"]))
    return pins, problems


def problems_in(report: dict, pins: list[Pin]) -> list[str]:
    """What the report leaves unchecked or finds, one line each, as path:line: message."""
    entries = {canonical(entry.get("name", "")): entry for entry in report.get("dependencies", [])}
    problems: list[str] = []
    for pin in pins:
        where = f"{pin.path}:{pin.line}: {pin.name}=={pin.version}"
        entry = entries.get(canonical(pin.name))
        if entry is None:
            problems.append(f"{where}: not in pip-audit's report, so it was not looked up")
        elif "skip_reason" in entry:
            problems.append(f"{where}: not looked up ({entry['skip_reason']})")
        elif entry.get("version") != pin.version:
            problems.append(f"{where}: pip-audit looked up version {entry.get('version')} instead")
        else:
            for vuln in entry.get("vulns", []):
                fixed = ", ".join(vuln.get("fix_versions", [])) or "no fixed version yet"
                aliases = ", ".join(vuln.get("aliases", []))
                named = f"{vuln.get('id')} ({aliases})" if aliases else str(vuln.get("id"))
                problems.append(f"{where}: known vulnerability {named}; fixed in: {fixed}")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    report_path, lock_paths = Path(argv[0]), [Path(p) for p in argv[1:]]
    pins: list[Pin] = []
    problems: list[str] = []
    for lock in lock_paths:
        found, bad = read_pins(lock)
        pins += found
        problems += bad
    if not pins:
        problems.append(f"{', '.join(map(str, lock_paths))}: no pinned package to audit")
    if not report_path.is_file():
        problems.append(
            f"{report_path}: pip-audit wrote no report, so nothing was looked up (its own message is above)"
        )
    else:
        problems += problems_in(json.loads(report_path.read_text(encoding="utf-8")), pins)
    for problem in problems:
        print(problem, file=sys.stderr)
    files = ", ".join(str(p) for p in lock_paths)
    if problems:
        print(
            f"Audit failed: {len(problems)} problem{'s' if len(problems) != 1 else ''} "
            f"in {len(pins)} pinned packages ({files})",
            file=sys.stderr,
        )
        return 1
    print(f"Audit passed: all {len(pins)} pinned packages looked up ({files}); no known vulnerabilities")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
