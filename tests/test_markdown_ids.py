"""The Markdown settings haven check reads from mkdocs.yml (haven.checks.markdown_ids) render pages as MkDocs'
own config does: the anchors a link may name are the ones readers get."""

import textwrap

import pytest
from markdown import Markdown
from mkdocs.config import load_config

from conftest import REPO
from haven.checks import markdown_ids
from haven.commands.cli import main

PAGE = """# Ask to see the warrant

## Ваши права {#rights}

## اطلب رؤية المذكرة

| a | b |
|:--|--:|
| 1 | 2 |

!!! note "Box"
    Text.

```
code
```
"""


def rendered(config, extensions, configs):
    return Markdown(extensions=extensions, extension_configs=configs).convert(PAGE)


def mkdocs_rendered(config):
    mkdocs = load_config(str(config), plugins=[])
    return rendered(config, mkdocs.markdown_extensions, mkdocs.mdx_configs)


def write_site(tmp_path, files):
    (tmp_path / "docs").mkdir()
    for name, text in files.items():
        (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path / "mkdocs.yml"


CONFIGS = {
    "a list, inherited": {
        "base.yml": """
            markdown_extensions:
              - attr_list
              - toc:
                  permalink: true
                  slugify: !!python/object/apply:pymdownx.slugs.slugify
                    kwds:
                      case: lower
            """,
        "mkdocs.yml": "INHERIT: base.yml\nsite_name: x\n",
    },
    "a mapping, a built-in set again, a variable": {
        "mkdocs.yml": """
            site_name: x
            markdown_extensions:
              admonition:
              attr_list: {}
              toc:
                separator: !ENV [HAVEN_TEST_SEPARATOR, "_"]
            """,
    },
    "none": {"mkdocs.yml": "site_name: x\n"},
}


@pytest.mark.parametrize("files", CONFIGS.values(), ids=CONFIGS.keys())
def test_pages_render_as_with_mkdocs_own_config(files, tmp_path, monkeypatch):
    monkeypatch.setenv("HAVEN_TEST_SEPARATOR", ".")
    config = write_site(tmp_path, files)
    assert rendered(config, *markdown_ids.settings(config)) == mkdocs_rendered(config)


def test_the_sites_own_settings_render_as_mkdocs_does():
    config = REPO / "mkdocs.yml"
    html = rendered(config, *markdown_ids.settings(config))
    assert html == mkdocs_rendered(config)
    assert 'id="ask-to-see-the-warrant"' in html and 'id="rights"' in html


def test_an_extension_markdown_cannot_load_is_named_by_mkdocs(fixture_site, capsys):
    config = fixture_site.config
    config.write_text(config.read_text().replace("  - admonition\n", "  - admonition\n  - no_such_extension\n"))
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n\n[x](rights/at-home.md#nowhere)\n")
    assert main(["-f", str(config), "check"]) == 1
    captured = capsys.readouterr()
    assert f"{config}: build failed: Aborted with a configuration error!" in captured.err
    assert "H099" not in captured.out + captured.err
