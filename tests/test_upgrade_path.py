"""The versions Haven's theme was written against, and what an upgrade must redo.

Haven copies one of Material's partials and extends Material's blocks. An upgrade of
MkDocs, Material or mkdocs-static-i18n must come with a review of each (CONTRIBUTING.md,
"Upgrading MkDocs, Material or mkdocs-static-i18n"); these tests fail until it has.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest

from conftest import REPO

OVERRIDES = REPO / "overrides"
UPSTREAM = Path(material.__file__).parent / "templates"
PINNED = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n")

COPIED = re.compile(r"Copied from Material for MkDocs (?P<version>\d+(?:\.\d+)+), (?P<path>\S+?)[\s,(]")
NAMED = re.compile(r"Material for MkDocs (\d+(?:\.\d+)+)")
LEADING_COMMENT = re.compile(r"\A\s*\{#-?.*?-?#\}\s*", re.DOTALL)

UPGRADE = (
    "To upgrade MkDocs, Material or mkdocs-static-i18n (CONTRIBUTING.md, 'Upgrading MkDocs, "
    "Material or mkdocs-static-i18n'): pin the new versions in requirements.lock and "
    "pyproject.toml and run make setup; copy each of these files again from the new "
    "Material's templates: {copied}; apply Haven's changes to each again (its first comment "
    "lists them); write the new Material version in the first comment of every override "
    "that names one; then run make test and make check."
)


def lock_pins() -> dict[str, str]:
    pins = {}
    for line in (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines():
        name, sep, pinned = line.partition("==")
        if sep and not line.startswith("#"):
            pins[name.strip().lower()] = pinned.strip()
    return pins


def templates() -> list[Path]:
    return sorted(OVERRIDES.rglob("*.html"))


def copied_overrides() -> list[tuple[Path, str, str]]:
    """(override, Material version it names, path inside Material's templates) for each copy."""
    found = []
    for path in templates():
        match = COPIED.search(path.read_text(encoding="utf-8"))
        if match:
            found.append((path, match["version"], match["path"]))
    return found


def material_versions_named() -> dict[str, set[Path]]:
    named: dict[str, set[Path]] = {}
    for path in templates():
        for found in NAMED.findall(path.read_text(encoding="utf-8")):
            named.setdefault(found, set()).add(path.relative_to(REPO))
    return named


def upgrade_message() -> str:
    copied = ", ".join(f"{p.relative_to(REPO)} from {upstream}" for p, _, upstream in copied_overrides())
    return UPGRADE.format(copied=copied or "none")


def upstream_file(path: Path, upstream: str) -> Path:
    """Material's file that `path` copies; fails when the installed Material lacks it."""
    found = UPSTREAM / upstream
    assert found.is_file(), (
        f"{path.relative_to(REPO)} is a copy of Material's {upstream}, which mkdocs-material "
        f"{version('mkdocs-material')} does not have. " + upgrade_message()
    )
    return found


def test_the_theme_names_what_it_copied():
    # Without this the checks below would pass on nothing.
    assert copied_overrides(), "overrides/partials/alternate.html is a copy of Material's and must say so"
    assert material_versions_named(), "the overrides name no Material version"


@pytest.mark.parametrize("package", PINNED)
def test_installed_versions_are_the_pinned_ones(package):
    pinned = lock_pins().get(package)
    assert pinned, f"requirements.lock does not pin {package}"
    assert version(package) == pinned, (
        f"{package} {version(package)} is installed but requirements.lock pins {pinned} "
        "(run make setup). " + upgrade_message()
    )
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"{package}=={pinned}"' in pyproject, (
        f"pyproject.toml must pin {package}=={pinned}, as requirements.lock does"
    )


def test_every_override_names_the_installed_material():
    installed = version("mkdocs-material")
    wrong = {named: sorted(map(str, paths)) for named, paths in material_versions_named().items() if named != installed}
    assert not wrong, (
        f"mkdocs-material {installed} is installed, but these overrides were "
        f"written against another version: {wrong}. " + upgrade_message()
    )


def test_each_copied_partial_still_exists_in_material():
    # An upgrade that renames or removes a partial would otherwise leave Haven's copy
    # in place, silently overriding nothing.
    for path, _, upstream in copied_overrides():
        upstream_file(path, upstream)


def extends(upstream_line: str, line: str) -> bool:
    """Whether `line` is `upstream_line` with words added (an attribute, say) and none removed."""
    words = iter(line.split())
    return all(word in words for word in upstream_line.split())


def test_each_copied_partial_keeps_all_of_materials_file_and_adds_to_it():
    # Haven's copies only add: every line of Material's file is still there, in order
    # (perhaps with an attribute added), and something of Haven's is added.
    for path, _, upstream in copied_overrides():
        theirs = [
            line
            for line in LEADING_COMMENT.sub("", upstream_file(path, upstream).read_text(encoding="utf-8")).splitlines()
            if line.strip()
        ]
        ours = [line for line in LEADING_COMMENT.sub("", path.read_text(encoding="utf-8")).splitlines() if line.strip()]
        position, added = 0, 0
        for line in theirs:
            while position < len(ours) and not extends(line, ours[position]):
                position += 1
                added += 1
            assert position < len(ours), (
                f"{path.relative_to(REPO)} lacks this line of Material's {upstream} "
                f"(or has it out of order): {line.strip()!r}. " + upgrade_message()
            )
            if ours[position].split() != line.split():
                added += 1
            position += 1
        added += len(ours) - position
        assert added, (
            f"{path.relative_to(REPO)} is the same as Material's {upstream}: "
            "delete the copy and let Material's file be used"
        )


def test_main_html_extends_only_blocks_material_has():
    # An upgrade that renames a block would drop Haven's additions without an error.
    base = (UPSTREAM / "base.html").read_text(encoding="utf-8")
    theirs = set(re.findall(r"\{%-?\s*block\s+(\w+)", base))
    ours = set(re.findall(r"\{%-?\s*block\s+(\w+)", (OVERRIDES / "main.html").read_text(encoding="utf-8")))
    assert ours, "overrides/main.html extends no block"
    assert ours <= theirs, (
        f"overrides/main.html extends blocks Material's base.html does not have: "
        f"{sorted(ours - theirs)}. " + upgrade_message()
    )


def test_language_partials_use_only_keys_material_has():
    # ht.html and ps.html follow Material's partials/languages/en.html; a key Material
    # renamed would quietly fall back to English.
    key = re.compile(r'^\s*"([\w.]+)":', re.MULTILINE)
    known = set(key.findall((UPSTREAM / "partials/languages/en.html").read_text(encoding="utf-8")))
    partials = sorted((OVERRIDES / "partials/languages").glob("*.html"))
    assert partials
    for path in partials:
        ours = set(key.findall(path.read_text(encoding="utf-8")))
        assert ours, path
        assert ours <= known, (
            f"{path.relative_to(REPO)} has keys Material's partials/languages/en.html "
            f"does not: {sorted(ours - known)}. " + upgrade_message()
        )
