import pytest

from conftest import FIXTURE_LANGUAGES, mkdocs_yml
from haven.core.diagnostics import DiagnosticsError
from haven.sources import site


def load(tmp_path, text):
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return site.load(path)


def problems(tmp_path, text):
    with pytest.raises(DiagnosticsError) as caught:
        load(tmp_path, text)
    return [d.format() for d in caught.value.diagnostics]


def test_languages_come_from_mkdocs_yml_in_order(tmp_path):
    the_site = load(tmp_path, mkdocs_yml(FIXTURE_LANGUAGES))
    assert the_site.codes == ("en", "es", "ar", "ht")
    assert the_site.default.code == "en"
    assert the_site.language("ar").name == "العربية"
    assert [lang.code for lang in the_site.languages if lang.rtl] == ["ar"]


def test_the_repository_declares_twelve_languages_three_right_to_left():
    from conftest import REPO

    the_site = site.load(REPO / "mkdocs.yml")
    assert the_site.codes == ("en", "es", "zh", "vi", "ar", "ht", "ko", "tl", "ru", "pt", "fa", "ps")
    assert [lang.code for lang in the_site.languages if lang.rtl] == ["ar", "fa", "ps"]


def test_site_url_is_read_as_mkdocs_reads_it(tmp_path, monkeypatch):
    text = mkdocs_yml(FIXTURE_LANGUAGES).replace(
        "site_url: https://haven.test/", 'site_url: !ENV [HAVEN_URL, "http://127.0.0.1:8000/"]'
    )
    monkeypatch.delenv("HAVEN_URL", raising=False)
    assert load(tmp_path, text).site_url == "http://127.0.0.1:8000/"
    monkeypatch.setenv("HAVEN_URL", "https://haven.example/")
    assert load(tmp_path, text).site_url == "https://haven.example/"


def test_an_invalid_language_code(tmp_path):
    (problem,) = problems(tmp_path, mkdocs_yml({"en": "English", "xx": "Xx"}))
    assert ": H030 'xx' is not a known language code" in problem
    assert problem.startswith("mkdocs.yml:")


def test_unquoted_no_would_be_read_as_a_boolean(tmp_path):
    # Material has no 'no' strings either (H031); the coercion is reported first.
    problem = problems(tmp_path, mkdocs_yml({"en": "English", "no": "Norsk"}))[0]
    assert "H003 MkDocs reads the unquoted locale no as a true/false value" in problem
    assert 'locale: "no"' in problem


def test_a_language_without_theme_strings_names_the_file_to_add(tmp_path):
    (problem,) = problems(tmp_path, mkdocs_yml({"en": "English", "so": "Soomaali"}))
    assert "H031 the theme has no interface strings for 'so'" in problem
    assert "overrides/partials/languages/so.html" in problem


def test_line_numbers_point_at_the_locale(tmp_path):
    text = mkdocs_yml({"en": "English", "xx": "Xx"})
    (problem,) = problems(tmp_path, text)
    line = int(problem.split(":")[1])
    assert text.splitlines()[line - 1].strip() == "- locale: xx"
