"""English pages are written in plain language: short sentences."""

import re

import pytest

from conftest import REPO
from haven.sources import content, site

SITE = site.load(REPO / "mkdocs.yml")
ENGLISH = sorted((SITE.docs_dir / SITE.default.code).rglob("*.md"))


def sentences(markdown: str) -> list[str]:
    """The prose of a page, split into sentences (list items and headings count as sentences)."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.DOTALL)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links: keep their words
    text = re.sub(r"^\s*(!!!.*|\|[-| ]+\||#+)", " ", text, flags=re.MULTILINE)
    text = re.sub(r"[*_`|>]", " ", text)
    parts = re.split(r"(?<=[.!?:;])\s+|\n\s*(?:[-*]|\d+\.)\s+|\n\s*\n", text)
    parts = (re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", part) for part in parts)  # a list item's marker
    return [p for p in (" ".join(part.split()) for part in parts) if re.search(r"[A-Za-z]", p)]


def words(sentence: str) -> int:
    return len(re.findall(r"[A-Za-z0-9'’-]+", sentence))


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.relative_to(SITE.docs_dir).as_posix())
def test_sentences_average_under_15_words(path):
    page, problems = content.read_page(path, SITE)
    assert not problems
    found = sentences(page.body)
    average = sum(map(words, found)) / len(found)
    assert average < 15, f"{path.name}: {average:.1f} words a sentence"


def test_the_measure_counts_sentences_and_words():
    found = sentences("# Title\n\nYou have rights. Ask for a lawyer!\n\n- Stay calm\n- Do not run.\n")
    assert found == ["Title", "You have rights.", "Ask for a lawyer!", "Stay calm", "Do not run."]
    assert [words(s) for s in found] == [1, 3, 4, 2, 3]
