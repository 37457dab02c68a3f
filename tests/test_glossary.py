"""The glossary: each legal term's agreed word in every language, and the check that translations use it."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURE_LANGUAGES, REPO, FixtureSite
from haven.checks import sourcechecks
from haven.commands.cli import main
from haven.sources import glossary
from haven.sources import site as site_module

TODAY = datetime.date(2026, 12, 1)
GLOSSARY = """\
terms:
  - id: judicial-warrant
    en: ["judge's warrant*", "warrant signed by a judge"]
    note: "A warrant signed by a judge."
    words:
      es: {use: "orden judicial", also: ["órdenes judiciales", "orden* firmada* por un juez"]}
      ar: {use: "مذكرة قضائية", also: ["*مذكرة* *قضائية"]}
      ht: {use: "manda jij", also: ["manda yon jij"]}
"""
WARNING = (
    'docs/es/rights/at-home.md:13: H100 warning: the English page says "warrant signed by a judge" here; '
    'the agreed Spanish word is "orden judicial" '
    '(hint: use "orden judicial" (data/glossary.yml:2), or propose a change to the glossary)'
)
SPANISH = "# Si llegan los agentes\n\nMantenga la puerta cerrada.\n\n## Pida ver la orden\n\n{}\n"


@pytest.fixture
def site(tmp_path) -> FixtureSite:
    site = FixtureSite(tmp_path, FIXTURE_LANGUAGES)
    (site.root / "data" / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    return site


def findings(site: FixtureSite, strict: bool = False, codes: tuple[str, ...] = ("H100",)) -> list[str]:
    found = sourcechecks.sources(site_module.load(site.config), TODAY, strict)
    return [finding.format() for finding in found if finding.code in codes]


def spanish(site: FixtureSite, sentence: str) -> None:
    site.translate("es", "rights/at-home.md", "Si llegan los agentes", SPANISH.format(sentence))


@pytest.mark.parametrize(
    ("form", "text", "found"),
    [
        ("warrant signed by a judge", "Ask for a Warrant signed\nby a judge.", "Warrant signed by a judge"),
        ("judge's warrant*", "Two judge’s warrants.", "judge's warrants"),
        ("ордер* судьи", "Покажите ордером судьи", "ордером судьи"),
        ("ордер* подписанн* судьёй", "ордер, подписанный судьёй", "ордер, подписанный судьёй"),
        ("*kinulong*", "Kung ikinulong ng imigrasyon", "ikinulong"),
        ("دادگاه* مهاجرت", "نظام دادگاه\u200cهای مهاجرت", "دادگاه\u200cهای مهاجرت"),
        ("محامٍ", "تحدّث مع مُحامٍ الآن", "محام"),
        ("法官令状", "这不是法官令状。", "法官令状"),
        ("판사의 영장", "판사의 영장이 아니에요", "판사의 영장"),
        ("TPS", "如果您有TPS或假释入境", "TPS"),  # letters of a script without spaces end a Latin word
        ("TPS", "TPS를 잃는다고", "TPS"),
    ],
)
def test_a_form_finds_the_word_in_the_grammar_a_sentence_gives_it(form, text, found):
    match = glossary.pattern(form).search(glossary.normalize(text.replace("\n", " ")))
    assert match is not None and match.group(0) == found


@pytest.mark.parametrize(
    ("form", "text"),
    [
        ("bond", "a bonding day"),
        ("ордер", "ордера"),  # without a *, a case ending is another word
        ("orden judicial", "ordenanza judicial"),
    ],
)
def test_a_form_finds_whole_words_only(form, text):
    assert glossary.pattern(form).search(glossary.normalize(text)) is None


def test_a_translation_without_the_agreed_word_is_named_at_the_paragraph_where_it_belongs(site):
    spanish(site, "Pida una orden de un juez.")
    assert findings(site) == [WARNING]


def test_under_strict_it_is_an_error_and_the_check_fails(site, capsys):
    spanish(site, "Pida una orden de un juez.")
    assert findings(site, strict=True) == [WARNING.replace("H100 warning: ", "H100 ")]
    assert main(["-f", str(site.config), "check", "--strict"]) == 1
    assert WARNING.replace("H100 warning: ", "H100 ") in capsys.readouterr().out.splitlines()


@pytest.mark.parametrize(
    "sentence",
    [
        "Pida una ORDEN JUDICIAL.",
        "Pida una de las órdenes judiciales.",
        "Pida una orden firmada por un juez.",  # the form of the English page's own words
        "Pida una orden judicial.",
    ],
)
def test_any_agreed_form_in_any_case_satisfies_the_check(site, sentence):
    spanish(site, sentence)
    assert findings(site) == []


def test_a_word_only_in_a_link_s_address_or_a_comment_does_not_count(site):
    spanish(site, "Pida [una orden](https://example.org/orden-judicial). <!-- orden judicial -->")
    assert findings(site) == [WARNING]


def test_a_translation_with_fewer_paragraphs_is_named_at_its_first_line(site):
    site.translate("es", "rights/at-home.md", "Si llegan los agentes", "Pida una orden de un juez.\n")
    assert findings(site) == [WARNING.replace("at-home.md:13:", "at-home.md:7:")]


def test_the_finding_is_at_the_line_in_the_english_line_s_place(site):
    english = (site.root / "docs/en/rights/at-home.md").read_text(encoding="utf-8")
    site.write("en/rights/at-home.md", english.replace("Ask for a", "Open nothing.\nAsk for a"))
    spanish(site, "No abra nada.\nPida una orden de un juez.")
    assert findings(site) == [WARNING.replace("at-home.md:13:", "at-home.md:14:")]


def test_scripts_and_languages_each_find_their_own_word(site):
    site.translate("ar", "rights/at-home.md", "إذا جاء العناصر", "# إذا جاء العناصر\n\nاطلب المذكرةَ القضائية.\n")
    site.translate("ht", "rights/at-home.md", "Si ajan yo vini", "# Si ajan yo vini\n\nMande yon manda jij.\n")
    assert findings(site) == []


def test_a_term_only_in_english_text_left_in_english_asks_nothing_of_the_translation(site):
    card = '<div lang="en" dir="ltr" markdown>\n\nIf you have a warrant signed by a judge, show it.\n\n</div>\n'
    site.write("en/rights/at-home.md", (site.root / "docs/en/rights/at-home.md").read_text().split("# If")[0] + card)
    site.translate("es", "rights/at-home.md", "Si llegan los agentes", card)
    assert findings(site) == []


def test_a_line_not_translated_yet_is_named_once_as_english_not_for_each_term(site):
    spanish(site, "Ask for a warrant signed by a judge.")  # the line as `haven new-translation` left it
    assert findings(site, codes=("H047", "H100")) == [
        "docs/es/rights/at-home.md:13: H047 warning: still in English: 1 line reads exactly as in the English page, "
        "so readers are told this page is not translated yet (hint: translate every line; names and other lines "
        "of one or two words may stay in English)"
    ]
    spanish(site, "Pida una orden firmada.")
    assert findings(site) == [WARNING]


def test_the_description_is_read_too_and_named_at_its_line(site):
    """Search results and shared links show it: its legal words are the agreed ones too."""
    english = site.root / "docs" / "en" / "rights" / "at-home.md"
    english.write_text(
        english.read_text()
        .replace(
            "title: If agents come to your home\n",
            "title: If agents come to your home\ndescription: Check the warrant signed by a judge.\n",
        )
        .replace("Ask for a warrant signed by a judge.", "Ask for the paper.")
    )
    body = "# Si llegan los agentes\n\nMantenga la puerta cerrada.\n\n## Pida ver la orden\n\nPida el papel.\n"
    page = site.translate("es", "rights/at-home.md", "Si llegan los agentes", body)
    page.write_text(
        page.read_text().replace(
            "title: Si llegan los agentes\n", "title: Si llegan los agentes\ndescription: Pida una orden.\n"
        )
    )
    assert findings(site) == [WARNING.replace("at-home.md:13:", "at-home.md:3:")]
    page.write_text(page.read_text().replace("Pida una orden.", "Pida una orden judicial."))
    assert findings(site) == []


def test_a_page_that_does_not_use_the_term_is_not_checked(site):
    site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n\nNo abra la puerta.\n")
    assert findings(site) == []


def test_a_missing_language_and_a_form_under_two_terms_are_named_at_their_line(site):
    second_term = """\
  - id: warrant
    en: ["Judge’s warrant*", "warrant"]
    note: "Any warrant."
    words:
      es: {use: "orden"}
      ar: {use: "مذكرة"}
"""
    (site.root / "data" / "glossary.yml").write_text(GLOSSARY + second_term, encoding="utf-8")
    assert findings(site, codes=("H102", "H103")) == [
        "data/glossary.yml:9: H102 warning: the term 'warrant' has no agreed word in Haitian Creole (ht); "
        "its translations are not checked for it (hint: add under words: 'ht: {use: \"…\"}')",
        "data/glossary.yml:10: H103 'Judge’s warrant*' is listed under the term 'judicial-warrant' and under "
        "'warrant' (hint: keep it under the one term it names)",
    ]


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            'es: {use: ""}',
            "data/glossary.yml:6: H014 terms.0.words.es.use: string should have at least 1 character, found ''",
        ),
        (
            'es: {use: "or*den"}',
            "data/glossary.yml:6: H014 terms.0.words.es.use: value error, a * stands only at the start or the "
            "end of a word, as in 'orden* judicial*', found 'or*den'",
        ),
    ],
)
def test_a_form_the_check_cannot_use_is_refused(site, entry, expected):
    text = GLOSSARY.replace(
        'es: {use: "orden judicial", also: ["órdenes judiciales", "orden* firmada* por un juez"]}', entry
    )
    (site.root / "data" / "glossary.yml").write_text(text, encoding="utf-8")
    assert findings(site, codes=("H014",)) == [expected]


def test_two_terms_with_one_id_are_named(site):
    (site.root / "data" / "glossary.yml").write_text(GLOSSARY + GLOSSARY.removeprefix("terms:\n"), encoding="utf-8")
    assert findings(site, codes=("H002",)) == [
        "data/glossary.yml:9: H002 two terms are called 'judicial-warrant' (hint: give each its own id)"
    ]


def test_the_repository_s_glossary_is_valid_and_has_a_word_in_every_language():
    repository = site_module.load(REPO / "mkdocs.yml")
    found, problems = glossary.load(repository)
    assert problems == []
    translated = {language.code for language in repository.languages if not language.default}
    assert len(found.terms) >= 14
    assert {term.id: set(term.words) for term in found.terms} == {term.id: translated for term in found.terms}


@settings(derandomize=True, max_examples=500, deadline=None)
@given(
    form=st.sampled_from(["*ab", "*ab*", "*a b", "*ت", "*تر* *ك", "*", "*b, a"]),
    text=st.text(alphabet="ab ,\u200c\0تركX", max_size=30),
)
def test_a_form_that_starts_with_a_star_is_found_where_re_alone_finds_it(form, text):
    found = glossary.pattern(form)
    alone = dataclasses.replace(found, needed=None)  # re's search over the whole text, with no search before it
    spans = [match.span() if match else None for match in (found.search(text), alone.search(text))]
    assert spans[0] == spans[1]
