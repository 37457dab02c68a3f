"""Fixture sites built with the real theme and hooks: what readers and editors get."""

import re
from urllib.parse import urljoin

import pytest
import yaml

from conftest import FIXTURE_LANGUAGES, REPO


def spanish(key):
    return yaml.safe_load((REPO / "data" / "strings" / "es.yml").read_text())[key]


def notices(html):
    return re.findall(r'data-haven-notice="(\w+)"', html)


def test_fallback_page_is_served_with_a_notice_and_marked_as_english(fixture_site):
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n\nNo abra la puerta.\n")
    assert fixture_site.build() == 0
    html = fixture_site.html("es/rights/at-home/")
    assert notices(html) == ["fallback"]
    assert spanish("fallback_notice").replace("{language}", "Español") in html
    assert '<html lang="es"' in html
    # The English text inside is marked English, so screen readers read it as English.
    assert re.search(r'<div lang="en" dir="ltr">\s*<h1 id="if-agents-come-to-your-home">', html)
    # Search engines are pointed at the English original.
    assert '<link rel="canonical" href="https://haven.test/rights/at-home/">' in html


def test_a_translation_still_in_english_tells_readers_it_is_not_translated_yet(fixture_site):
    """Just after `haven new-translation`, and until every line is translated."""
    fixture_site.translate(
        "es",
        "rights/at-home.md",
        "If agents come to your home",
        "# If agents come to your home\n\nKeep the door closed.\n",
    )
    fixture_site.translate(
        "ar", "rights/at-home.md", "إذا جاء العناصر إلى بيتك", "# إذا جاء العناصر إلى بيتك\n\nKeep the door closed.\n"
    )
    assert fixture_site.build() == 0
    english_only = fixture_site.html("es/rights/at-home/")
    assert notices(english_only) == ["fallback"]  # nothing is translated: as if there were no translation
    assert re.search(r'<div lang="en" dir="ltr">\s*<h1 id="if-agents-come-to-your-home">', english_only)
    assert re.findall(r'hreflang="(\w+)"[^>]*>[^<]*<small[^>]*data-haven-untranslated', english_only) == [
        "es",
        "ht",
    ]  # ar is partly translated
    partly = fixture_site.html("ar/rights/at-home/")
    arabic = yaml.safe_load((REPO / "data" / "strings" / "ar.yml").read_text())["partial_notice"]
    assert notices(partly) == ["partial", "unreviewed"]
    assert arabic.replace("{language}", "العربية") in partly
    assert 'lang="en" dir="ltr"' not in partly


def test_stale_translation_links_to_the_current_english_page(fixture_site):
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n", source_hash="0123456789ab")
    assert fixture_site.build() == 0
    html = fixture_site.html("es/")
    assert notices(html) == ["stale", "unreviewed"]
    assert spanish("stale_notice") in html and spanish("unreviewed_notice") in html
    assert re.search(r'<a href="\.\./?" hreflang="en">\s*' + re.escape(spanish("stale_link")), html)
    assert '<link rel="canonical" href="https://haven.test/es/">' in html


def test_current_reviewed_translation_has_no_notice(fixture_site):
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n", human_reviewed=True)
    assert fixture_site.build() == 0
    assert notices(fixture_site.html("es/")) == []
    assert 'lang="en" dir="ltr"' not in fixture_site.html("es/")


def test_switcher_keeps_the_page_and_marks_languages_without_it(fixture_site):
    fixture_site.translate("es", "rights/at-home.md", "Si vienen a su casa", "# Si vienen\n")
    assert fixture_site.build() == 0
    html = fixture_site.html("es/rights/at-home/")
    switcher = html[html.index('class="md-select__list"') :]
    switcher = switcher[: switcher.index("</ul>")]
    links = re.findall(r'href="([^"]+)" hreflang="(\w+)" lang="(\w+)"', switcher)
    # Each entry is in its own language, for screen readers too.
    assert [(hreflang, lang) for _, hreflang, lang in links] == [("en", "en"), ("es", "es"), ("ar", "ar"), ("ht", "ht")]
    here = "https://haven.test/es/rights/at-home/"
    assert [urljoin(here, href) for href, _, _ in links] == [
        "https://haven.test/rights/at-home/",
        here,
        "https://haven.test/ar/rights/at-home/",
        "https://haven.test/ht/rights/at-home/",
    ]
    # "Only in English" is said in the reader's language, and marked so.
    marked = re.findall(
        r'lang="(\w+)" class="md-select__link">[^<]*<small class="haven-untranslated" lang="(\w+)" '
        r"data-haven-untranslated>([^<]*)<",
        switcher,
    )
    assert marked == [("ar", "es", spanish("fallback_label")), ("ht", "es", spanish("fallback_label"))]


def test_english_home_lists_every_language_in_its_own_name(fixture_site):
    assert fixture_site.build() == 0
    html = fixture_site.html("")
    listing = html[html.index('class="haven-languages"') : html.index("</nav>", html.index('class="haven-languages"'))]
    assert re.findall(r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+">([^<]+)</a>', listing) == [
        ("es/", "es", "Español"),
        ("ar/", "ar", "العربية"),
        ("ht/", "ht", "Kreyòl ayisyen"),
    ]
    assert html.index('class="haven-languages"') < html.index("<h1")
    assert "haven-languages" not in fixture_site.html("es/")


def test_arabic_is_right_to_left_and_creole_has_interface_strings(fixture_site):
    fixture_site.translate(
        "ar",
        "index.md",
        "اعرف حقوقك",
        "# اعرف حقوقك\n\n## اطلب رؤية المذكرة\n\nوزارة (Department of Homeland Security)، نص\n",
    )
    assert fixture_site.build() == 0
    arabic = fixture_site.html("ar/")
    assert '<html lang="ar"' in arabic and '<body dir="rtl"' in arabic
    # Unicode anchors: readable and stable, not _1, _2.
    assert 'id="اطلب-رؤية-المذكرة"' in arabic
    # English words in parentheses are drawn as one left-to-right piece.
    assert "وزارة <bdi>(Department of Homeland Security)</bdi>، نص" in arabic
    creole = fixture_site.html("ht/")
    assert '<html lang="ht"' in creole and 'aria-label="Chwazi lang"' in creole


def test_each_language_has_its_own_404_page(fixture_site):
    assert fixture_site.build() == 0
    assert '<html lang="en"' in fixture_site.html("404.html")
    spanish_404 = fixture_site.html("es/404.html")
    assert '<html lang="es"' in spanish_404
    assert f"<h1>{spanish('not_found_title')}</h1>" in spanish_404
    assert f'<a href="/es/">{spanish("not_found_link")}</a>' in spanish_404
    arabic = fixture_site.html("ar/404.html")
    assert '<body dir="rtl"' in arabic
    # Its language menu leads to each language's home page, not to the last page built.
    menu = arabic[arabic.index('class="md-select__list"') : arabic.index("</ul>", arabic.index("md-select__list"))]
    assert re.findall(r'href="([^"]+)" hreflang', menu) == ["/", "/es/", "/ar/", "/ht/"]


def test_pages_name_no_third_party_host_and_send_no_referrer(fixture_site):
    assert fixture_site.build() == 0
    for page in ("", "es/", "ar/rights/at-home/", "404.html"):
        html = fixture_site.html(page)
        assert '<meta name="referrer" content="no-referrer">' in html
        loaded = re.findall(r'<(?:script|img|iframe)[^>]+src="([^"]+)"|<link[^>]+href="([^"]+)"', html)
        remote = [url for pair in loaded for url in pair if url.startswith(("http:", "https:", "//"))]
        # Only canonical and alternate links may be absolute: browsers do not load them.
        assert all(re.search(rf'<link rel="(canonical|alternate)" href="{re.escape(u)}"', html) for u in remote)
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html and "api.github.com" not in html


def test_every_page_carries_sources_reviewed_date_and_not_legal_advice(fixture_site):
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n")
    assert fixture_site.build() == 0
    html = fixture_site.html("es/")
    assert spanish("not_legal_advice") in html
    assert '<time datetime="2026-11-01">1 de noviembre de 2026</time>' in html
    assert 'href="https://www.afsc.org/knowyourrights/your-rights-home"' in html


ENGLISH_PAGE = "docs/en/rights/at-home.md"
BAD_INPUTS = {
    "unclosed front matter": (
        ENGLISH_PAGE,
        lambda t: t.replace("---\n\n#", "\n#", 1),
        "docs/en/rights/at-home.md:1: H010",
    ),
    "invalid YAML": (
        ENGLISH_PAGE,
        lambda t: t.replace("title: If", "title: [If", 1),
        "docs/en/rights/at-home.md:3: H001 this is not valid YAML (in what starts on line 2)",
    ),
    "front matter is a list": (
        ENGLISH_PAGE,
        lambda t: re.sub(r"(?s)^---\n.*?\n---\n", "---\n- title\n---\n", t),
        "docs/en/rights/at-home.md:2: H011",
    ),
    "unknown key": (
        ENGLISH_PAGE,
        lambda t: t.replace("reviewed:", "lang: es\nreviewed:", 1),
        "docs/en/rights/at-home.md:3: H012",
    ),
    "missing title": (
        ENGLISH_PAGE,
        lambda t: t.replace("title: If agents come to your home\n", "", 1),
        "docs/en/rights/at-home.md:2: H013",
    ),
    "reviewed not a date": (
        ENGLISH_PAGE,
        lambda t: t.replace("2026-11-01", "yesterday", 1),
        "docs/en/rights/at-home.md:3: H014",
    ),
    "duplicate key": (
        ENGLISH_PAGE,
        lambda t: t.replace("reviewed:", "title: Again\nreviewed:", 1),
        "docs/en/rights/at-home.md:3: H002",
    ),
    "translation without source hash": (
        "docs/es/index.md",
        lambda t: re.sub(r"source_hash: \w+\n", "", t),
        "docs/es/index.md:2: H013",
    ),
    "translation of a missing English page": (
        "docs/es/gone.md",
        lambda t: "---\ntitle: Perdido\nsource_hash: 0123456789ab\nhuman_reviewed: false\n---\n",
        "docs/es/gone.md:1: H020",
    ),
    "invalid language code": ("mkdocs.yml", lambda t: t.replace("locale: ht", "locale: xx"), "mkdocs.yml:"),
    "lang no read as a boolean": ("mkdocs.yml", lambda t: t.replace("locale: ht", "locale: no"), "H003"),
    # MkDocs' own warning, said once in Haven's words at the page's line.
    "broken link (MkDocs strict)": (
        ENGLISH_PAGE,
        lambda t: t + "\n[gone](missing.md)\n",
        "docs/en/rights/at-home.md:20: H060 the link 'missing.md' leads to no page",
    ),
    "link to a missing anchor": (ENGLISH_PAGE, lambda t: t + "\n[warrant](#no-such-heading)\n", "no-such-heading"),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_stops_the_build_and_keeps_the_last_good_site(fixture_site, capsys, case):
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n")
    assert fixture_site.build() == 0
    good = fixture_site.html("rights/at-home/")
    capsys.readouterr()

    rel, change, expected = BAD_INPUTS[case]
    path = fixture_site.root / rel
    path.write_text(change(path.read_text(encoding="utf-8") if path.exists() else ""), encoding="utf-8")
    assert fixture_site.build() == 1
    err = capsys.readouterr().err
    assert expected in err, err
    assert fixture_site.html("rights/at-home/") == good
    assert not (fixture_site.site_dir / "es" / "gone").exists()
    assert sorted(p.name for p in fixture_site.root.iterdir()) == ["data", "docs", "mkdocs.yml", "site"]


def test_a_seventh_language_is_one_entry_in_mkdocs_yml_plus_its_files(make_site):
    site = make_site({**FIXTURE_LANGUAGES, "ko": "한국어"})
    (site.root / "data" / "strings" / "ko.yml").write_text(
        (REPO / "data" / "strings" / "en.yml").read_text(encoding="utf-8").replace("English only", "영어만")
    )
    site.translate("ko", "index.md", "권리를 아세요", "# 권리를 아세요\n\n## 영장을 보여 달라고 하세요\n")
    assert site.build() == 0
    korean = site.html("ko/")
    assert '<html lang="ko"' in korean and 'id="영장을-보여-달라고-하세요"' in korean
    assert 'hreflang="ko" lang="ko">한국어</a>' in site.html("")
    assert notices(site.html("ko/rights/at-home/")) == ["fallback"]


def test_readers_see_a_strong_notice_when_the_english_meaning_changed(fixture_site):
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n")
    english = fixture_site.root / "docs" / "en" / "index.md"
    english.write_text(english.read_text().replace("reviewed:", "legal_version: 2\nreviewed:"))
    assert fixture_site.build() == 0
    html = fixture_site.html("es/")
    assert notices(html) == ["outdated", "unreviewed"]
    assert spanish("outdated_notice") in html and 'haven-notice--outdated danger"' in html
