import pytest

from haven.core.diagnostics import DiagnosticsError
from haven.sources.frontmatter import split


def test_header_and_body_are_split_with_line_numbers():
    page = split("---\ntitle: Hi\n---\n# Hi\n", "docs/en/x.md")
    assert page.header.data == {"title": "Hi"}
    assert page.header.line_of(("title",)) == 2
    assert page.body == "# Hi\n" and page.body_line == 4


def test_a_page_without_front_matter_has_no_header():
    page = split("# Hi\n", "docs/en/x.md")
    assert page.header is None and page.body == "# Hi\n"


def test_unclosed_front_matter_is_an_error_at_line_one():
    with pytest.raises(DiagnosticsError) as caught:
        split("---\ntitle: Hi\n# Hi\n", "docs/en/x.md")
    assert (
        caught.value.diagnostics[0]
        .format()
        .startswith("docs/en/x.md:1: H010 the front matter that starts here is never closed")
    )
