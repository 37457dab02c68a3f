"""The HTML Haven writes itself, from Jinja templates in the theme folder (overrides/haven/), autoescaped.

Material's templates are rendered by MkDocs' own environment, page by page. These pieces are not pages of
MkDocs': lists put into a page's content, and files written once the whole site is built (the editors'
status page, the pages that keep old addresses working, an offline pack's start page). They share the
theme folder so that HTML has one home, and Python hands them data only. Autoescaping is on, so a title or
a description never becomes markup; StrictUndefined makes a misspelt name an error, not an empty string.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from haven.sources.site import Site

FOLDER = "haven"  # inside the theme folder


@cache
def _environment(theme: Path) -> Environment:
    # One per theme folder and process: each template is read and compiled once.
    return Environment(loader=FileSystemLoader(theme / FOLDER), autoescape=True, undefined=StrictUndefined)


def render(site: Site, name: str, **data: Any) -> str:
    return _environment(site.overrides_dir).get_template(name).render(**data)
