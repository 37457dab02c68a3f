"""The benchmark's generated site builds cleanly: its figures measure work, not a broken site."""

import datetime
import importlib.util

import pytest

from conftest import REPO
from haven.checks import check
from haven.core.diagnostics import Severity

pytestmark = pytest.mark.site


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_site", REPO / "bench" / "generate_site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_small_generated_site_checks_clean(tmp_path):
    root = load_generator().generate(tmp_path / "big", languages=3, pages=3)
    findings, skipped = check.run(root / "mkdocs.yml", datetime.date(2026, 11, 28))
    assert skipped is None
    assert [f.format() for f in findings if f.severity is not Severity.INFO] == []
