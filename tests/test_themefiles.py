"""The theme's files, listed once per process (haven.render.themefiles): the files MkDocs' own listing gives."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from haven.render import themefiles

MKDOCS_OWN = Files.add_files_from_theme  # collected before any build of this process


def theme_files(config: MkDocsConfig) -> list[tuple[str, str, str]]:
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return [(file.src_uri, file.abs_src_path, file.abs_dest_path) for file in files]


def test_the_kept_listing_gives_mkdocs_own_files_and_sees_a_file_added_to_the_sites_own_folder(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    overrides = tmp_path / "overrides"
    # The site's own copy of a file of Material's, which MkDocs copies instead of Material's.
    (overrides / "assets" / "images").mkdir(parents=True)
    (overrides / "assets" / "images" / "favicon.png").write_bytes(b"")
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\ntheme:\n  name: material\n  custom_dir: overrides\n")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    own = theme_files(config)
    themefiles.keep()
    try:
        kept = [theme_files(config) for _ in range(2)]  # the second from what the first kept
        (overrides / "assets" / "added.js").write_text("")  # saved while a preview runs
        after_the_edit = theme_files(config)
    finally:
        themefiles.stop()
    assert kept == [own, own]
    assert len(own) > 40 and not [src for src, _, _ in own if src.startswith(".icons/")]
    favicon = next(abs_src for src, abs_src, _ in own if src == "assets/images/favicon.png")
    assert favicon == str(overrides / "assets" / "images" / "favicon.png")
    assert after_the_edit == theme_files(config)  # MkDocs' own, once stopped
    assert "assets/added.js" in [src for src, _, _ in after_the_edit]


def test_a_build_leaves_mkdocs_listing_the_theme_itself(fixture_site):
    assert fixture_site.build() == 0
    assert Files.add_files_from_theme is MKDOCS_OWN
