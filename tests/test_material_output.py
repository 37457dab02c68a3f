"""Each change Haven makes to Material's HTML (haven.render.material_output) finds what Material writes.

The pages come from a plain site: Material and mkdocs-static-i18n without Haven. When a new Material
writes any of these differently, a change would silently do nothing; these tests fail instead."""

import json
import re
import textwrap

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from haven.render import material_output

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def spanish_page(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("plain")
    (root / "mkdocs.yml").write_text(
        textwrap.dedent(
            """\
            site_name: Plain
            site_url: https://plain.test/
            theme:
              name: material
            plugins:
              - search
              - i18n:
                  docs_structure: folder
                  languages:
                    - locale: en
                      name: English
                      default: true
                    - locale: es
                      name: Español
            """
        ),
        encoding="utf-8",
    )
    for lang, text in (("en", "# Home"), ("es", "# Inicio")):
        (root / "docs" / lang).mkdir(parents=True)
        (root / "docs" / lang / "index.md").write_text(text + "\n", encoding="utf-8")
    mkdocs_build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    return (root / "site" / "es" / "index.html").read_text(encoding="utf-8")


def test_language_alternates_leave_the_head(spanish_page):
    assert 'hreflang="en"' in spanish_page.partition("</head>")[0]
    assert "hreflang" not in material_output.without_alternates(spanish_page).partition("</head>")[0]


def test_the_search_dialog_gets_the_name_of_its_options(spanish_page):
    label = re.search(r'<nav class="md-search__options" aria-label="([^"]*)"', spanish_page).group(1)
    named = material_output.named_search_dialog(spanish_page)
    assert f'role="dialog" aria-label="{label}">' in named and named != spanish_page


def _base(html: str) -> str:
    return json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)[1])["base"]


def test_a_translations_search_reads_its_own_languages_index(spanish_page):
    assert _base(spanish_page) == ".."
    assert _base(material_output.search_in_language(spanish_page, "es", "en")) == "../es/"
    assert material_output.search_in_language(spanish_page, "en", "en") == spanish_page
