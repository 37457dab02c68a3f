"""`haven check` on fixture sites with one planted fault each: exact lines and exit codes."""

import json

import pytest

from haven.commands.cli import main

ENGLISH_PAGE_TEXT = """---
title: More help
reviewed: 2026-11-01
sources:
  - name: AFSC
    url: https://www.afsc.org/knowyourrights/your-rights-home
    kind: organization
    checked: 2026-11-01
    quote: "You do not have to open the door."
---

# More help
"""
ARABIC_AT_HOME = "# إذا جاء العناصر إلى بيتك\n\n## اطلب رؤية المذكرة\n\nاطلب مذكرة من قاضٍ.\n"


def check(fixture_site, capsys, *extra):
    code = main(["-f", str(fixture_site.config), "check", *extra])
    return code, capsys.readouterr().out.splitlines()


def finding_lines(out, code):
    return [line for line in out if f": {code} " in line]


def with_es_home(fixture_site, body):
    """Spanish home page, current and stamped, whose body is `body`."""
    return fixture_site.translate("es", "index.md", "Sus derechos", body)


def test_clean_site_reports_no_errors_or_warnings_beyond_missing_translations(fixture_site, capsys):
    for lang in ("es", "ar", "ht"):
        for rel, title in (("index.md", "Home"), ("rights/at-home.md", "At home")):
            fixture_site.translate(lang, rel, title, f"# {title}\n", human_reviewed=True)
    code, out = check(fixture_site, capsys)
    assert (code, out) == (0, ["0 errors, 0 warnings in 0 files"])


def test_a_broken_link_only_in_one_translation(fixture_site, capsys):
    with_es_home(fixture_site, "# Sus derechos\n\nLea [la página](rights/missing.md).\n")
    code, out = check(fixture_site, capsys)
    assert code == 1
    assert finding_lines(out, "H060") == [
        "docs/es/index.md:9: H060 the link 'rights/missing.md' leads to a page that does not exist "
        "(hint: check the file name; pages in this folder: none)"
    ]
    assert "The site was not built: fix the errors above first, then run the check again." in out
    assert out[-1] == "1 error, 5 warnings in 3 files"


def test_a_broken_anchor_only_in_arabic_and_an_encoded_fragment_that_works(fixture_site, capsys):
    fixture_site.translate("ar", "rights/at-home.md", "إذا جاء العناصر", ARABIC_AT_HOME)
    encoded = "%D8%A7%D8%B7%D9%84%D8%A8-%D8%B1%D8%A4%D9%8A%D8%A9-%D8%A7%D9%84%D9%85%D8%B0%D9%83%D8%B1%D8%A9"
    fixture_site.translate(
        "ar",
        "index.md",
        "اعرف حقوقك",
        f"# اعرف حقوقك\n\n[المذكرة](rights/at-home.md#{encoded})\n\n[خطأ](rights/at-home.md#ask-to-see-the-warrant)\n",
    )
    code, out = check(fixture_site, capsys)
    assert code == 1
    assert finding_lines(out, "H061") == [
        "docs/ar/index.md:11: H061 the page rights/at-home.md has no heading with the anchor "
        "'#ask-to-see-the-warrant' (hint: copy the anchor from the heading's ¶ link on the built page)"
    ]


def test_a_link_to_a_folder(fixture_site, capsys):
    with_es_home(fixture_site, "# Sus derechos\n\n[Derechos](rights/)\n")
    _, out = check(fixture_site, capsys)
    assert finding_lines(out, "H060") == [
        "docs/es/index.md:9: H060 the link 'rights/' leads to no page or file "
        "(hint: link to the page's .md file, e.g. index.md inside it)"
    ]


@pytest.mark.parametrize(
    "body, code, message",
    [
        ("[x](java&#115;cript:alert(1))", "H066", "unsafe link 'javascript:alert(1': javascript: links can run code"),
        ('<a href="JaVa&#x09;script:alert(1)">x</a>', "H066", "javascript: links can run code"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "H066", "data: links can run code"),
        ("[Llame](tel:1-800-CALL-NOW)", "H065", "the phone link 'tel:1-800-CALL-NOW' cannot be dialled"),
        ("[Escriba](mailto:nobody)", "H065", "the email link 'mailto:nobody' has no valid address"),
        ("[ACLU](http://www.aclu.org/)", "H064", "insecure link http://www.aclu.org/"),
        ("[Inicio](https://haven.test/es/)", "H063", "link to this site by its full address"),
        ("[Inicio](/es/)", "H063", "absolute link /es/"),
        ("[Home](../en/index.md)", "H062", "the link '../en/index.md' leads into the en pages"),
        ("<script>alert(1)</script>", "H067", "raw <script> in page content"),
        ('<img src="x.png" onerror="alert(1)">', "H067", "a 'onerror=' script handler in page content"),
    ],
)
def test_unsafe_or_malformed_links_and_scripts(fixture_site, capsys, body, code, message):
    with_es_home(fixture_site, f"# Sus derechos\n\nTexto.\n\n{body}\n")
    exit_code, out = check(fixture_site, capsys)
    (line,) = finding_lines(out, code)
    assert exit_code == 1
    assert line.startswith(f"docs/es/index.md:11: {code} ") and message in line, line


def test_links_in_code_are_not_links(fixture_site, capsys):
    with_es_home(fixture_site, "# Sus derechos\n\n`[x](java&#115;cript:1)`\n\n```\n<script>\n```\n")
    _code, out = check(fixture_site, capsys)
    assert not finding_lines(out, "H066") and not finding_lines(out, "H067")


def test_a_file_that_is_not_utf8(fixture_site, capsys):
    path = fixture_site.root / "docs" / "es" / "index.md"
    path.parent.mkdir(parents=True)
    path.write_bytes("---\ntitle: Sus derechos\n---\n\nCañón\n".encode("latin-1"))
    code, out = check(fixture_site, capsys)
    assert code == 1
    assert finding_lines(out, "H016") == [
        "docs/es/index.md:5: H016 this file is not UTF-8 text "
        "(hint: save it as UTF-8 in your editor (often under 'Save with encoding'))"
    ]


def test_a_stale_translation_warns_and_fails_only_when_strict(fixture_site, capsys):
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n", source_hash="0123456789ab")
    code, out = check(fixture_site, capsys)
    assert code == 0
    assert finding_lines(out, "H051") == [
        "docs/es/index.md:3: H051 warning: the English page docs/en/index.md changed after this translation "
        "was made (hint: see what changed with: .venv/bin/haven changes docs/es/index.md; bring the translation "
        "up to date, then run: .venv/bin/haven stamp docs/es/index.md)"
    ]
    code, out = check(fixture_site, capsys, "--strict")
    assert code == 1 and finding_lines(out, "H051")[0].startswith("docs/es/index.md:3: H051 the English page")


def test_an_orphaned_translation(fixture_site, capsys):
    fixture_site.translate("es", "gone.md", "Perdido", "# Perdido\n", source_hash="0123456789ab")
    code, out = check(fixture_site, capsys)
    assert code == 1
    assert finding_lines(out, "H020") == [
        "docs/es/gone.md:1: H020 there is no English page docs/en/gone.md for this translation "
        "(hint: give the file the same path as its English page, or add the English page first)"
    ]


def test_a_missing_ui_string_and_a_placeholder_mismatch(fixture_site, capsys):
    path = fixture_site.root / "data" / "strings" / "es.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [line for line in lines if not line.startswith("stale_link:")]
    lines = [line.replace("{language}", "{idioma}") for line in lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fallback_line = next(i for i, line in enumerate(lines, start=1) if line.startswith("fallback_notice:"))
    partial_line = next(i for i, line in enumerate(lines, start=1) if line.startswith("partial_notice:"))
    heading_line = next(i for i, line in enumerate(lines, start=1) if line.strip().startswith("language_heading:"))
    first_key = next(i for i, line in enumerate(lines, start=1) if line and not line.startswith("#"))
    code, out = check(fixture_site, capsys)
    assert code == 1
    assert finding_lines(out, "H013") == [
        f"data/strings/es.yml:{first_key}: H013 the strings file needs the field 'stale_link' "
        "(hint: add a line 'stale_link: …')"
    ]
    hint = "(hint: keep each {name} exactly as in data/strings/en.yml; it is replaced when the page is built)"
    assert finding_lines(out, "H041") == [
        f"data/strings/es.yml:{fallback_line}: H041 fallback_notice: the placeholders {{idioma}} differ from "
        f"English {{language}} {hint}",
        f"data/strings/es.yml:{partial_line}: H041 partial_notice: the placeholders {{idioma}} differ from "
        f"English {{language}} {hint}",
        # Nested strings too, named by their path.
        f"data/strings/es.yml:{heading_line}: H041 directory.language_heading: the placeholders {{idioma}} differ "
        f"from English {{language}} {hint}",
    ]


def test_missing_translations_and_old_reviews_are_warnings(fixture_site, capsys):
    path = fixture_site.root / "docs" / "en" / "index.md"
    path.write_text(path.read_text().replace("reviewed: 2026-11-01", "reviewed: 2020-01-01"))
    code, out = check(fixture_site, capsys)
    assert code == 0
    assert (
        "docs/en/index.md:3: H052 warning: the legal content was last checked on 2020-01-01, more than 12 "
        "months ago (hint: check every statement against its sources, then set 'reviewed:' to today's date)" in out
    )
    assert (
        "docs/en/index.md:1: H050 warning: not translated into Español (es) yet; readers get the English "
        "page (hint: start it with: .venv/bin/haven new-translation es index.md)" in out
    )
    assert out[-1] == "0 errors, 7 warnings in 2 files"


def test_findings_are_sorted_and_reported_even_when_the_site_cannot_build(fixture_site, capsys):
    with_es_home(fixture_site, "# Sus derechos\n\n[x](nada.md)\n")
    (fixture_site.root / "docs" / "en" / "broken.md").write_text("---\ntitle: [\n---\n")
    code, out = check(fixture_site, capsys)
    paths = [line.split(":")[0] for line in out if ": H" in line]
    assert code == 1 and paths == sorted(paths)
    assert {"docs/en/broken.md", "docs/es/index.md"} <= set(paths)


def test_json_format(fixture_site, capsys):
    with_es_home(fixture_site, "# Sus derechos\n\n[x](tel:abc)\n")
    code, out = check(fixture_site, capsys, "--format", "json")
    report = json.loads("\n".join(out))
    assert code == 1
    (finding,) = [f for f in report["findings"] if f["code"] == "H065"]
    assert finding == {
        "path": "docs/es/index.md",
        "line": 9,
        "code": "H065",
        "severity": "error",
        "message": "the phone link 'tel:abc' cannot be dialled",
        "hint": "write it as tel:+ country code and digits, e.g. tel:+18008987180",
    }
    assert report["site_not_built"].startswith("The site was not built")


def test_an_english_change_to_what_readers_should_do_makes_old_translations_errors(fixture_site, capsys):
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n")
    english = fixture_site.root / "docs" / "en" / "index.md"
    english.write_text(english.read_text().replace("reviewed:", "legal_version: 2\nreviewed:"))
    code, out = check(fixture_site, capsys)
    assert code == 1
    assert finding_lines(out, "H054") == [
        "docs/es/index.md:1: H054 the English page docs/en/index.md changed what readers should do "
        "(legal_version 2); this translation does not say it yet (hint: translate the change now, then run: "
        ".venv/bin/haven stamp docs/es/index.md)"
    ]
    # Stamping after the update records the new version, and the error goes.
    assert main(["-f", str(fixture_site.config), "stamp", str(fixture_site.root / "docs/es/index.md")]) == 0
    assert "legal_version: 2\n" in (fixture_site.root / "docs/es/index.md").read_text()
    code, out = check(fixture_site, capsys)
    assert code == 0 and not finding_lines(out, "H054") and not finding_lines(out, "H051")


def plant_in_built_page(fixture_site, url_file, html):
    path = fixture_site.site_dir / url_file
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("</article>", html + "</article>", 1), encoding="utf-8")


def test_a_fresh_build_is_checked_as_it_is(fixture_site, capsys):
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n\n[En casa](rights/at-home.md)\n")
    assert fixture_site.build() == 0
    plant_in_built_page(
        fixture_site,
        "es/index.html",
        '<a href="rights/at-home.md">x</a><a href="../rights/at-home/#nowhere">y</a>'
        '<a href="java&#115;cript:alert(1)">z</a>',
    )
    code, out = check(fixture_site, capsys)
    assert code == 1
    # Found in the built page (so the fresh build was used, not rebuilt) and
    # reported on the source page, at the line where the link is written.
    assert finding_lines(out, "H060") == [
        "docs/es/index.md:9: H060 the built page /es/ links to /es/rights/at-home.md, which does not exist "
        "(hint: link to the page's .md file; a page missing in a language is served from English)"
    ]
    assert finding_lines(out, "H061")[0].startswith(
        "docs/es/index.md:9: H061 the built page /es/ links to #nowhere on /rights/at-home/, which has no such anchor"
    )
    assert finding_lines(out, "H066")[0].startswith("docs/es/index.md:1: H066 the built page /es/ has a javascript:")


def test_an_error_in_the_sources_stops_the_check_of_a_fresh_build(fixture_site, capsys):
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n", source_hash="0123456789ab")
    assert fixture_site.build() == 0
    plant_in_built_page(fixture_site, "index.html", '<a href="gone/">x</a>')
    code, out = check(fixture_site, capsys, "--strict")
    # The stale translation is an error under --strict: the built pages, checked alongside, are not reported.
    assert code == 1 and finding_lines(out, "H051") and not finding_lines(out, "H060")
    assert "The site was not built: fix the errors above first, then run the check again." in out
    code, out = check(fixture_site, capsys)
    assert code == 1 and finding_lines(out, "H060")[0].startswith("docs/en/index.md:")


def test_an_outdated_build_is_not_trusted(fixture_site, capsys):
    assert fixture_site.build() == 0
    plant_in_built_page(fixture_site, "index.html", '<a href="gone/">x</a>')
    english = fixture_site.root / "docs" / "en" / "index.md"
    english.write_text(english.read_text() + "\nMore text.\n")
    code, out = check(fixture_site, capsys)
    # The sources changed after the build: the check built them afresh and
    # found nothing; site/ itself was left as it was.
    assert code == 0 and not finding_lines(out, "H060")
    assert 'href="gone/"' in fixture_site.html("")


def test_links_in_data_files_follow_the_same_rules(fixture_site, capsys):
    data = fixture_site.root / "data" / "resources"  # any data file, whatever its shape
    data.mkdir()
    (data / "orgs.yml").write_text(
        "- id: nijc\n  website: http://immigrantjustice.org\n  phones:\n    - number: tel:abc\n"
        "  about: 'Note: this is text, not a link'\n  intake: java&#115;cript:alert(1)\n",
        encoding="utf-8",
    )
    code, out = check(fixture_site, capsys)
    assert code == 1
    assert [line.split(" (hint")[0] for line in out if line.startswith("data/resources/")] == [
        "data/resources/orgs.yml:2: H064 insecure link http://immigrantjustice.org",
        "data/resources/orgs.yml:4: H065 the phone link 'tel:abc' cannot be dialled",
        "data/resources/orgs.yml:6: H066 unsafe link 'javascript:alert(1)': javascript: links can run code",
    ]


def test_navigation_titles_without_a_translation(fixture_site, capsys):
    config = fixture_site.config.read_text()
    config = config.replace(
        "plugins:", "nav:\n  - Home: index.md\n  - Your rights:\n      - rights/at-home.md\nplugins:"
    )
    config = config.replace("Rights: Rights (es)", "Rights: Rights (es)\n            Home: Inicio")
    fixture_site.config.write_text(config)
    nav_line = config.splitlines().index("  - Your rights:") + 1
    _code, out = check(fixture_site, capsys)
    h055 = [line.split(" (hint")[0] for line in finding_lines(out, "H055")]
    assert (
        f"mkdocs.yml:{nav_line}: H055 warning: the navigation title 'Your rights' has no translation into "
        "Español (es)" in h055
    )
    assert not any("'Home' has no translation into Español" in line for line in h055)
    assert len(h055) == 5  # Home for ar and ht; Your rights for es, ar and ht


def test_section_titles_of_the_automatic_navigation_need_translations(fixture_site, capsys):
    config = fixture_site.config.read_text()
    config = config.replace("\n          nav_translations:\n            Rights: Rights (ar)", "")
    fixture_site.config.write_text(config)
    (fixture_site.root / "docs" / "en" / "more-help").mkdir()
    fixture_site.write("en/more-help/index.md", ENGLISH_PAGE_TEXT)
    _, out = check(fixture_site, capsys)
    line = {code: config.splitlines().index(f"        - locale: {code}") + 1 for code in ("es", "ar", "ht")}
    assert [text.split(" (hint")[0] for text in finding_lines(out, "H055")] == [
        f"mkdocs.yml:{line['es']}: H055 warning: the navigation title 'More help' has no translation into Español (es)",
        f"mkdocs.yml:{line['ar']}: H055 warning: the navigation title 'More help' has no translation into العربية (ar)",
        f"mkdocs.yml:{line['ar']}: H055 warning: the navigation title 'Rights' has no translation into العربية (ar)",
        f"mkdocs.yml:{line['ht']}: H055 warning: the navigation title 'More help' has no translation into "
        "Kreyòl ayisyen (ht)",
    ]


def test_each_data_file_is_read_once_and_each_of_its_problems_named_once(fixture_site, capsys, monkeypatch):
    # The loaders and the link check share one reading (haven.sources.datafiles), so nothing needs merging.
    from haven.core import yamlsource
    from test_directory import GOOD, write_entry

    write_entry(fixture_site, GOOD.replace('"https://example.org"', '"http://example.org"'))
    (fixture_site.root / "data" / "notices.yml").write_text("notices:\n  - id: [\n", encoding="utf-8")
    (fixture_site.root / "data" / "resources.yml").write_text("a: b: c\n", encoding="utf-8")
    parsed = []
    parse = yamlsource.parse

    def counted(text, path, *args, **kwargs):
        parsed.append(path)
        return parse(text, path, *args, **kwargs)

    monkeypatch.setattr(yamlsource, "parse", counted)
    main(["-f", str(fixture_site.config), "check", "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert sorted((f["path"], f["code"]) for f in findings if f["path"].startswith("data/")) == [
        ("data/directory/example-center.yml", "H064"),
        ("data/notices.yml", "H001"),
        ("data/resources.yml", "H001"),
    ]
    data_files = [path for path in parsed if path.startswith("data/")]
    assert sorted(data_files) == sorted(set(data_files)) and "data/strings/en.yml" in data_files


def spanish_status(config, capsys):
    """What `haven status` says of Spanish: pages translated, unfinished, and the percentage up to date."""
    assert main(["-f", config, "status", "--format", "json"]) == 0
    spanish = next(row for row in json.loads(capsys.readouterr().out) if row["code"] == "es")
    return spanish["translated"], spanish["unfinished"], spanish["percent"]


def test_a_new_translation_counts_as_translated_only_once_no_english_line_is_left(fixture_site, capsys):
    config = str(fixture_site.config)
    assert main(["-f", config, "new-translation", "es", "rights/at-home.md"]) == 0
    code, out = check(fixture_site, capsys)
    assert code == 0
    assert finding_lines(out, "H047") == [
        "docs/es/rights/at-home.md:2: H047 warning: still in English: 5 lines read exactly as in the English page, "
        "so readers are told this page is not translated yet (hint: translate every line; names and other lines "
        "of one or two words may stay in English)"
    ]
    assert spanish_status(config, capsys) == (0, 1, 0)

    page = fixture_site.root / "docs" / "es" / "rights" / "at-home.md"
    page.write_text(page.read_text().replace('"If agents come to your home"', '"Si vienen a su casa"'))
    page.write_text(page.read_text().replace("Keep the door closed.", "Mantenga la puerta cerrada."))
    code, out = check(fixture_site, capsys, "--strict")
    assert code == 1
    assert finding_lines(out, "H047") == [
        "docs/es/rights/at-home.md:7: H047 still in English: 3 lines read exactly as in the English page, "
        "so readers are told this page is not translated yet (hint: translate every line; names and other lines "
        "of one or two words may stay in English)"
    ]

    page.write_text(
        page.read_text().split("---\n\n")[0] + "---\n\n# Si vienen a su casa\n\nMantenga la puerta "
        "cerrada.\n\n## Pida ver la orden\n\nPida una orden firmada por un juez.\n"
    )
    code, out = check(fixture_site, capsys)
    assert finding_lines(out, "H047") == []
    assert spanish_status(config, capsys) == (1, 0, 50)


def test_notes_are_one_line_per_language_unless_asked_for_each(fixture_site, capsys):
    """A clean check of a real site had 221 'not reviewed' notes around its one real finding."""
    fixture_site.translate("es", "index.md", "Sus derechos", "# Sus derechos\n\nNo abra la puerta.\n")
    fixture_site.translate("es", "rights/at-home.md", "Si vienen a su casa", "# Si vienen\n\nNo abra.\n")
    fixture_site.translate("ar", "index.md", "اعرف حقوقك", "# اعرف حقوقك\n\nلا تفتح الباب.\n")
    code, out = check(fixture_site, capsys)
    assert code == 0
    assert finding_lines(out, "H053") == [
        "docs/ar/index.md:4: H053 info: a fluent speaker has not reviewed this translation yet (hint: after a "
        "review against the English page, run: .venv/bin/haven review docs/ar/index.md --by 'your name or handle')",
        "docs/es/: H053 info: 2 files: a fluent speaker has not reviewed this translation yet "
        "(hint: .venv/bin/haven check --details lists each file)",
    ]
    code, out = check(fixture_site, capsys, "--details")
    assert [line.split(":")[0] for line in finding_lines(out, "H053")] == [
        "docs/ar/index.md",
        "docs/es/index.md",
        "docs/es/rights/at-home.md",
    ]
