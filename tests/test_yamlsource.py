import pytest

from haven.core.diagnostics import DiagnosticsError
from haven.core.yamlsource import parse


def test_values_stay_the_text_the_editor_typed():
    doc = parse("lang: no\nzip: 01234\ntime: 9:30\nflag: yes\n", "f.yml")
    assert doc.data == {"lang": "no", "zip": "01234", "time": "9:30", "flag": "yes"}


def test_unquoted_values_yaml_would_coerce_are_recorded_with_what_they_would_become():
    doc = parse('lang: no\nquoted: "no"\nzip: 01234\n', "f.yml")
    assert doc.coerced == {("lang",): "a true/false value", ("zip",): "a number"}


def test_lines_are_counted_from_the_given_first_line():
    doc = parse("title: x\nsources:\n  - name: a\n    url: b\n", "f.md", first_line=2)
    assert doc.line_of(("title",)) == 2
    assert doc.line_of(("sources", 0, "url")) == 5
    assert doc.line_of(("sources", 0, "missing")) == 4


def test_a_duplicate_key_is_an_error_at_its_second_line():
    with pytest.raises(DiagnosticsError) as caught:
        parse("title: a\nreviewed: 2026-01-01\ntitle: b\n", "docs/en/x.md", first_line=2)
    assert [d.format() for d in caught.value.diagnostics] == [
        "docs/en/x.md:4: H002 the key 'title' appears twice "
        "(hint: keep one of them; YAML would silently use only the last)"
    ]


def test_invalid_yaml_names_the_line():
    with pytest.raises(DiagnosticsError) as caught:
        parse("title: a\nsources: [unclosed\nother: 1\n", "docs/en/x.md", first_line=2)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "H001" and diagnostic.path == "docs/en/x.md"
    assert diagnostic.line in (3, 4)


def test_tags_are_read_as_text_and_never_executed():
    doc = parse('run: !!python/object/apply:os.system ["touch pwned"]\n', "mkdocs.yml")
    assert doc.data == {"run": ["touch pwned"]}


def test_empty_values_are_none():
    assert parse("description:\n", "f.yml").data == {"description": None}
