"""Material's stylesheet cut to what the pages use: what is dropped, and what doubt keeps."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from haven.publish import unusedcss

PAGE = """<!doctype html><html lang="ar" dir="rtl"><body data-md-color-primary="indigo">
<nav class="md-nav md-nav--primary"><input class="md-toggle" type="checkbox" id="__drawer">
<a class="md-nav__link" href="#x">Link</a></nav><table><tr><td>1</td></tr></table></body></html>"""


def cut(css: str) -> str:
    tokens = unusedcss.Tokens()
    tokens.add_page(LexborHTMLParser(PAGE))
    return unusedcss.pruned(css, tokens)


def test_rules_for_what_no_page_has_are_dropped():
    assert cut(".md-nav{a:1}.md-tooltip{b:2}") == ".md-nav{a:1}"
    assert cut("kbd{c:3}table{d:4}") == "table{d:4}"
    assert cut("#__search{e:5}#__drawer{f:6}") == "#__drawer{f:6}"
    # A rule stays when one of its selectors may match.
    assert cut(".md-tooltip,.md-nav .md-nav__link{g:7}") == ".md-tooltip,.md-nav .md-nav__link{g:7}"


def test_attribute_values_must_be_on_a_page():
    assert (
        cut("[data-md-color-primary=indigo]{a:1}[data-md-color-primary=red]{b:2}")
        == "[data-md-color-primary=indigo]{a:1}"
    )
    assert cut('[dir=rtl] .md-nav{c:3}[dir="ltr"] .md-nav{d:4}') == "[dir=rtl] .md-nav{c:3}"
    assert cut("[data-md-color-scheme=slate]{e:5}") == ""
    assert cut('a[href^="#"]{f:6}') == 'a[href^="#"]{f:6}'


def test_states_and_negations_never_drop_a_rule():
    # What the reader does (hover, focus, tick) and what :not() or :is() hold are not required.
    assert cut(".md-toggle:checked~.md-nav__link:hover{a:1}") == ".md-toggle:checked~.md-nav__link:hover{a:1}"
    assert cut(".md-nav__link:not(.md-tooltip){b:2}") == ".md-nav__link:not(.md-tooltip){b:2}"
    assert cut(".md-nav :is(kbd,samp){c:3}") == ".md-nav :is(kbd,samp){c:3}"
    assert cut(":root{--x:1}") == ":root{--x:1}"


def test_media_rules_keep_only_what_is_used_and_vanish_when_empty():
    assert cut("@media print{.md-nav{a:1}.md-tooltip{b:2}}") == "@media print{.md-nav{a:1}}"
    assert cut("@media screen and (min-width:76em){.md-tooltip{b:2}}") == ""
    assert cut("@keyframes pulse{0%{c:3}}") == "@keyframes pulse{0%{c:3}}"
