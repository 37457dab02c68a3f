"""The identifier gate on a corpus: every kind, in every site language, in every script's digits."""

import datetime
import json

import pytest
from babel.dates import format_date

from conftest import REPO
from haven.sources import identifiers, site

LANGUAGES = [language.code for language in site.load(REPO / "mkdocs.yml").languages]
# "He told us: … Then he left." in each site language, around the identifier.
FRAMES = {
    "en": "He told us: {x}. Then he left.",
    "es": "Nos dijo: {x}. Después se fue.",
    "zh": "他告诉我们：{x}。然后他走了。",
    "vi": "Anh ấy nói với chúng tôi: {x}. Rồi anh ấy đi.",
    "ar": "قال لنا: {x}. ثم غادر.",
    "ht": "Li di nou: {x}. Apre sa li ale.",
    "ko": "그가 말했어요: {x}. 그리고 떠났어요.",
    "tl": "Sabi niya sa amin: {x}. Pagkatapos ay umalis siya.",
    "ru": "Он сказал нам: {x}. Потом он ушёл.",
    "pt": "Ele nos disse: {x}. Depois foi embora.",
    "fa": "او به ما گفت: {x}. بعد رفت.",
    "ps": "هغه موږ ته وویل: {x}. بیا لاړ.",
}
IDENTIFIERS = {
    "A-number, nine digits": ("A123456789", "H080"),
    "A-number with dashes": ("A-123-456-789", "H080"),
    "A-number with spaces": ("A 123 456 789", "H080"),
    "A-number, eight digits": ("A12345678", "H080"),
    "A-number named": ("A-number: 087-654-321", "H080"),
    "A-number without its A": ("087654321", "H080"),
    "receipt number": ("EAC1234567890", "H081"),
    "receipt number spaced": ("IOE 0912 345 678", "H081"),
    "receipt number lower case": ("msc-2190012345", "H081"),
    "Social Security number": ("123-45-6789", "H082"),
    "ITIN": ("912 78 1234", "H082"),
    "phone number": ("(312) 555-0143", "H083"),
    "phone number with country code": ("+1 312 555 0143", "H083"),
    "foreign phone number": ("+52 55 1234 5678", "H083"),
    "email address": ("maria.lopez@example.com", "H084"),
    "street address": ("4301 S. Central Ave", "H085"),
    "apartment": ("Apt 12", "H085"),
    "street address in Spanish": ("Calle Ocho #1234", "H085"),
    "numeric date": ("03/14/1985", "H086"),
    "ISO date": ("1985-03-14", "H086"),
}
CASES = [(lang, name) for lang in LANGUAGES for name in IDENTIFIERS]


def codes(text: str, lang: str, allowed=()) -> list[str]:
    return [found.code for found in identifiers.find(text, lang, allowed)]


@pytest.mark.parametrize("lang,name", CASES)
def test_each_kind_of_identifier_is_found_in_every_language(lang, name):
    value, code = IDENTIFIERS[name]
    assert codes(FRAMES[lang].format(x=value), lang) == [code]


ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@pytest.mark.parametrize(
    "lang,digits", [("ar", ARABIC_INDIC), ("fa", PERSIAN), ("ps", PERSIAN), ("zh", FULL_WIDTH), ("ko", FULL_WIDTH)]
)
def test_digits_of_other_scripts_are_digits(lang, digits):
    for name, (value, code) in IDENTIFIERS.items():
        written = value.translate(digits)
        assert codes(FRAMES[lang].format(x=written), lang) == [code], (name, written)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_date_of_birth_written_in_words_is_found(lang):
    birthday = format_date(datetime.date(1985, 3, 14), format="long", locale=lang)
    if lang == "ht":  # CLDR has no Creole month names (it writes "1985 M03 14")
        birthday = "14 mas 1985"
    assert codes(FRAMES[lang].format(x=birthday), lang) == ["H086"], birthday


def test_a_number_broken_across_lines_is_found_on_its_first_line():
    text = "First line.\nHis number was A-123-\n456-789, he said.\n"
    (found,) = identifiers.find(text, "en", first_line=10)
    assert (found.code, found.line, found.text) == ("H080", 11, "A-123- 456-789")
    (found,) = identifiers.find("Call me at (312)\n555-0143.", "en")
    assert found.code == "H083"


def test_numbers_inside_other_text_are_found():
    assert codes("ref:A123456789;", "en") == ["H080"]
    assert codes("电话3125550143请回电", "zh") == ["H083"]
    assert codes("رقمه٣١٢٥٥٥٠١٤٣", "ar") == ["H083"]


def test_an_allowlisted_public_number_passes_in_any_writing():
    allowed = ["1-800-898-7180"]
    for written in ("1-800-898-7180", "(800) 898-7180", "+1 800 898 7180", "١-٨٠٠-٨٩٨-٧١٨٠"):
        assert codes(f"Call {written} to check a case.", "en", allowed) == [], written
    assert codes("Call 1-800-898-7181.", "en", allowed) == ["H083"]


NOT_IDENTIFIERS = [
    "In September 2011, ICE detained him.",
    "He spent more than a year in detention, from 2011 to 2013.",
    "In 2013, the Supreme Court decided Moncrieffe v. Holder, 7–2.",
    "Form I-589, Form I-130 and the 1-year deadline.",
    "Read https://www.hrw.org/news/2015/07/29/dispatches-bring-wrongly-deported-virginia-man-home",
    "The U.S. Supreme Court and the 4th Circuit Court of Appeals.",
    "She has 3 children; 2 live with her.",
    "Less than half an ounce, 3 months in jail, 9 years of advocacy.",
    "En enero de 2013 fue deportado.",
    "في يناير 2013 تم ترحيله.",
    "2013年1月，他被遣返。",
]


@pytest.mark.parametrize("text", NOT_IDENTIFIERS)
def test_ordinary_story_text_passes(text):
    lang = "es" if "enero" in text else "ar" if "يناير" in text else "zh" if "年" in text else "en"
    assert identifiers.find(text, lang) == []


def test_month_names_are_kept_and_a_damaged_copy_is_read_from_babel_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    names = identifiers._month_names("es")
    assert {"marzo", "mar"} <= set(names)
    (kept,) = (tmp_path / "haven" / "months").iterdir()
    kept.write_text(json.dumps(["marzo", "brumario"]), encoding="utf-8")
    assert identifiers._month_names("es") == ["marzo", "brumario"]  # read back, not from Babel
    kept.write_text('["marzo", "bru', encoding="utf-8")  # a copy cut short
    assert identifiers._month_names("es") == names
    # A language CLDR does not know is kept as such: only Haven's own names, if any.
    assert identifiers._month_names("qq") == identifiers._month_names("qq") == []
