"""Every page in every language of the real site survives `haven export` then `haven import`, unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import REPO
from haven.commands import exchangeformats, export, import_translation, pagetexts
from haven.sources import site


@pytest.fixture(scope="module")
def real_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's mkdocs.yml and pages, copied: import writes into the copy, never the repository."""
    root = tmp_path_factory.mktemp("real")
    shutil.copy(REPO / "mkdocs.yml", root)
    shutil.copytree(REPO / "docs", root / "docs")
    (root / "overrides").symlink_to(REPO / "overrides")
    return root


@pytest.mark.parametrize("form", sorted(exchangeformats.FORMATS))
def test_export_then_import_changes_no_byte_of_any_page(real_copy: Path, tmp_path: Path, form: str):
    the_site = site.load(real_copy / "mkdocs.yml")
    pages = pagetexts.english_pages(the_site)
    translated = 0
    for lang in the_site.codes[1:]:
        before = {rel: (the_site.docs_dir / lang / rel).read_bytes() for rel in pages}
        files, warnings = export.export(the_site, lang, [], form, tmp_path)
        assert warnings == []
        assert len(files) == len(pages)
        for path in files:
            import_translation.import_file(the_site, path)
        changed = [rel for rel in pages if (the_site.docs_dir / lang / rel).read_bytes() != before[rel]]
        assert changed == [], (lang, changed)
        translated += len(before)
    assert translated == len(pages) * (len(the_site.codes) - 1)
