import datetime

from haven.core.yamlsource import parse
from haven.sources.models import PageMeta, TranslationMeta, validate

ENGLISH = """\
title: Your rights
reviewed: 2026-11-01
sources:
  - name: AFSC
    url: https://www.afsc.org/knowyourrights/your-rights-home
    kind: organization
    checked: 2026-11-02
    quote: "You do not have to open the door."
"""


def check(model, text):
    return validate(model, parse(text, "docs/en/x.md", first_line=2), "front matter")


def test_valid_english_front_matter():
    meta, problems = check(PageMeta, ENGLISH)
    assert problems == []
    assert meta.reviewed == datetime.date(2026, 11, 1)
    assert meta.sources[0].name == "AFSC"


def test_title_no_stays_text():
    meta, _ = check(PageMeta, ENGLISH.replace("Your rights", "no"))
    assert meta.title == "no"


def test_front_matter_that_is_a_list():
    _, problems = check(PageMeta, "- title\n- reviewed\n")
    assert [(d.line, d.code) for d in problems] == [(2, "H011")]
    assert "found a list" in problems[0].message


def test_unknown_key_names_its_line_and_the_allowed_fields():
    _, problems = check(PageMeta, ENGLISH + "lang: es\n")
    (problem,) = problems
    assert (problem.line, problem.code) == (10, "H012")
    assert "unknown field 'lang'" in problem.message and "title" in problem.hint


def test_missing_title():
    _, problems = check(PageMeta, ENGLISH.replace("title: Your rights\n", ""))
    assert [(d.code, d.message) for d in problems] == [("H013", "the front matter needs the field 'title'")]


def test_reviewed_not_a_date():
    _, problems = check(PageMeta, ENGLISH.replace("2026-11-01", "last week"))
    (problem,) = problems
    assert (problem.line, problem.code) == (3, "H014")
    assert "reviewed" in problem.message and "'last week'" in problem.message
    assert "YYYY-MM-DD" in problem.hint


def test_http_source_is_refused():
    _, problems = check(PageMeta, ENGLISH.replace("https://www.afsc", "http://www.afsc"))
    (problem,) = problems
    assert (problem.line, problem.code) == (6, "H014") and "https://" in problem.message


def test_translation_without_source_hash():
    _, problems = check(TranslationMeta, "title: Sus derechos\nhuman_reviewed: false\n")
    (problem,) = problems
    assert problem.code == "H013" and "source_hash" in problem.message


def test_translation_must_say_whether_a_human_reviewed_it():
    _, problems = check(TranslationMeta, "title: Sus derechos\nsource_hash: 0123456789ab\n")
    assert [d.message for d in problems] == ["the front matter needs the field 'human_reviewed'"]
