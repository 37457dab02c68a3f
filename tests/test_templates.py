"""Habits of Haven's own templates that later work (a strict CSP) relies on."""

import re
from importlib.metadata import version

import jinja2
import pytest

from conftest import REPO
from haven.render import templates
from haven.sources import site

TEMPLATES = sorted((REPO / "overrides").rglob("*.html"))


def test_templates_exist():
    assert {p.name for p in TEMPLATES} >= {"main.html", "alternate.html", "ht.html", "notices.html"}


def test_no_inline_scripts_or_style_attributes():
    for path in TEMPLATES:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), path
        assert not re.search(r"\sstyle=", text), path
        assert not re.search(r"\son[a-z]+=", text), path


def test_copied_material_partials_match_the_installed_material():
    # An upgrade of Material must come with a review of every copied partial.
    copied = [p for p in TEMPLATES if "Copied from Material for MkDocs" in p.read_text(encoding="utf-8")]
    assert copied, "alternate.html is a copy and must say so"
    for path in copied:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert f"Material for MkDocs {version('mkdocs-material')}," in first, path


def test_the_html_haven_writes_itself_escapes_its_data_and_refuses_a_misspelt_name():
    the_site = site.load(REPO / "mkdocs.yml")
    page = templates.render(
        the_site, "redirect.html", lang="en", target='x/"><script>alert(1)</script>', canonical=None
    )
    assert "<script>" not in page and "&lt;script&gt;" in page and "&#34;&gt;" in page
    with pytest.raises(jinja2.UndefinedError):
        templates.render(the_site, "redirect.html", lang="en", canonical=None)
