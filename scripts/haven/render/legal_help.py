"""The "Find legal help" page: the directory's data as HTML, in the reader's language.

A page asks for the directory with MARKER; the build puts this HTML in its place.
Everything works with plain links: each state, kind of help and language is an
anchored section that CSS shows when its address is opened (#il, #help-asylum,
#speaks-es). directory.js adds a combined filter when scripts run. Each
organization is shown in full in every state it serves, so one state's section
prints on its own.
"""

from __future__ import annotations

import datetime
from html import escape
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError
from babel.lists import format_list

from haven.sources import clock
from haven.sources.directory import Directory, Organization, dial
from haven.sources.models import NATIONAL, SERVICES, STATES, DirectoryWords
from haven.sources.site import Site

MARKER = "<!-- haven:directory -->"
NATIONAL_ID = "national"


def render(directory: Directory, words: DirectoryWords, site: Site, lang: str) -> str:
    organizations = sorted(directory.organizations, key=lambda org: org.name.casefold())
    official = [org for org in organizations if org.kind == "government"]
    others = [org for org in organizations if org.kind != "government"]
    national = [org for org in others if NATIONAL in org.regions]
    view = _View(words, site, lang)
    languages = sorted({code for org in others for code in org.languages}, key=view.language_name)
    parts = [
        '<div class="haven-directory" data-haven-directory>',
        _filter_form(view),
        _chooser(others, languages, view),
    ]
    for state in STATES:
        local = [org for org in others if state in org.regions]
        parts.append(_state(state, local, view))
    for service in SERVICES:
        parts.append(
            _listing(
                f"help-{service}",
                words.service_heading.replace("{service}", view.service(service)),
                [org for org in others if service in org.services],
                view,
            )
        )
    for code in languages:
        heading = words.language_heading.replace("{language}", view.language_name(code))
        parts.append(_listing(f"speaks-{code}", heading, [org for org in others if code in org.languages], view))
    parts += [
        _official(official, view),
        f'<section class="haven-area haven-area--national" id="{NATIONAL_ID}">',
        f"<h2>{escape(words.national_heading)}</h2>",
        _cards(national, NATIONAL_ID, view),
        "</section>",
        f'<p class="haven-directory__none" hidden>{escape(words.filter_none)}</p>',
        "</div>",
    ]
    return "\n".join(parts)


class _View:
    """What every part of the page needs: the words, and how to write names and dates."""

    def __init__(self, words: DirectoryWords, site: Site, lang: str):
        self.words, self.site, self.lang = words, site, lang

    def language_name(self, code: str) -> str:
        """A language in its own name: the site's name for its languages, babel's for others."""
        if code in self.site.codes:
            return self.site.language(code).name
        try:
            return Locale.parse(code).get_display_name(code) or code
        except (UnknownLocaleError, ValueError):
            return code

    def service(self, key: str) -> str:
        return getattr(self.words.services, key)

    def state(self, code: str) -> str:
        return getattr(self.words.states, code)

    def join(self, items: list[str]) -> str:
        """A list as the reader's language writes one: 'A, B y C', 'A、B和C', 'A وB'."""
        try:
            return format_list(items, locale=self.lang)
        except (UnknownLocaleError, ValueError):
            return ", ".join(items)

    def date(self, date: datetime.date) -> str:
        return clock.long_date(date, self.lang)

    def translated(self, texts: dict[str, str], tag: str, cls: str) -> str:
        """A translatable text; the English one, marked as English, where a translation is missing."""
        if self.lang in texts:
            return f'<{tag} class="{cls}">{escape(texts[self.lang])}</{tag}>'
        english = self.site.default.code
        return f'<{tag} class="{cls}" lang="{english}" dir="ltr">{escape(texts[english])}</{tag}>'


def _official(official: list[Organization], view: _View) -> str:
    return "\n".join(
        [
            '<aside class="haven-official" id="official" aria-labelledby="official-heading">',
            f'<h2 id="official-heading">{escape(view.words.official_heading)}</h2>',
            f"<p>{escape(view.words.official_intro)}</p>",
            _cards(official, "official", view),
            "</aside>",
        ]
    )


def _filter_form(view: _View) -> str:
    """The combined filter, hidden until directory.js shows it and fills each list from
    the links of the chooser below (so the page carries every name once)."""
    words = view.words

    def select(name: str, label: str, source: str) -> str:
        return (
            f'<label class="haven-filter__field"><span>{escape(label)}</span>'
            f'<select name="{name}" data-options="{source}">'
            f'<option value="">{escape(words.filter_any)}</option></select></label>'
        )

    return "\n".join(
        [
            '<form class="haven-filter" hidden>',
            f"<fieldset><legend>{escape(words.filter_heading)}</legend>",
            select("state", words.filter_state, ".haven-states a"),
            select("service", words.filter_service, ".haven-links--services a"),
            select("language", words.filter_language, ".haven-links--languages a"),
            "</fieldset>",
            "</form>",
        ]
    )


def _chooser(organizations: list[Organization], languages: list[str], view: _View) -> str:
    words = view.words
    states = []
    for state in STATES:
        count = sum(state in org.regions for org in organizations)
        suffix = f' <span class="haven-count">({count})</span>' if count else ""
        states.append(f'<li><a href="#{state.lower()}">{escape(view.state(state))}</a>{suffix}</li>')
    services = [f'<li><a href="#help-{service}">{escape(view.service(service))}</a></li>' for service in SERVICES]
    spoken = [
        f'<li><a href="#speaks-{code}" lang="{code}">{escape(view.language_name(code))}</a></li>' for code in languages
    ]
    return "\n".join(
        [
            '<nav class="haven-choose" id="choose" aria-labelledby="choose-state">',
            f'<h2 id="choose-state">{escape(words.choose_state)}</h2>',
            f'<ul class="haven-states">{"".join(states)}</ul>',
            f"<details><summary>{escape(words.by_service)}</summary>",
            f'<ul class="haven-links haven-links--services">{"".join(services)}</ul></details>',
            f"<details><summary>{escape(words.by_language)}</summary>",
            f"<p>{escape(words.languages_note)}</p>"
            f'<ul class="haven-links haven-links--languages">{"".join(spoken)}</ul>'
            "</details>",
            "</nav>",
            f'<p class="haven-print-hint">{escape(words.print_hint)}</p>',
        ]
    )


def _state(state: str, local: list[Organization], view: _View) -> str:
    words = view.words
    name = view.state(state)
    area = state.lower()
    if local:
        body = [
            _cards(local, area, view),
            f'<p class="haven-area__more"><a href="#{NATIONAL_ID}">{escape(words.see_national)}</a></p>',
        ]
    else:
        none = escape(words.state_none.replace("{state}", name))
        body = [f'<p class="haven-area__empty"><a href="#{NATIONAL_ID}">{none}</a></p>']
    return "\n".join(
        [
            f'<section class="haven-area haven-area--state" id="{area}" data-state="{area}">',
            f"<h2>{escape(name)}</h2>",
            *body,
            f'<p class="haven-area__more haven-area__back"><a href="#choose">{escape(words.other_state)}</a></p>',
            "</section>",
        ]
    )


def _listing(area: str, heading: str, organizations: list[Organization], view: _View) -> str:
    """A kind of help or a language: each organization with links to where its entry is shown."""
    items = []
    for org in organizations:
        if NATIONAL in org.regions:
            places = [f'<a href="#{NATIONAL_ID}-{org.id}">{escape(view.words.national_heading)}</a>']
        else:
            places = [
                f'<a href="#{state.lower()}">{escape(view.state(state))}</a>'
                for state in STATES
                if state in org.regions
            ]
        items.append(f'<li data-org="{org.id}"><bdi lang="en">{escape(org.name)}</bdi>: {view.join(places)}</li>')
    return "\n".join(
        [
            f'<section class="haven-area haven-area--by" id="{area}">',
            f"<h2>{escape(heading)}</h2>",
            f"<ul>{''.join(items)}</ul>",
            f'<p class="haven-area__more haven-area__back"><a href="#choose">{escape(view.words.other_state)}</a></p>',
            "</section>",
        ]
    )


def _cards(organizations: list[Organization], area: str, view: _View) -> str:
    return f'<ul class="haven-orgs">{"".join(_card(org, area, view) for org in organizations)}</ul>'


def _card(org: Organization, area: str, view: _View) -> str:
    words = view.words
    parts = [
        f'<li class="haven-org" id="{area}-{org.id}" data-org="{org.id}" '
        f'data-services="{" ".join(org.services)}" data-languages="{" ".join(org.languages)}">',
        f'<h3 class="haven-org__name"><bdi lang="en">{escape(org.name)}</bdi></h3>',
        view.translated(org.description, "p", "haven-org__about"),
    ]
    for phone in org.phones:
        seen = (
            f' <small class="haven-org__seen">({escape(words.number_seen.replace("{year}", str(phone.as_of)))})</small>'
            if phone.as_of and phone.as_of < org.verified.year
            else ""
        )
        hours = view.translated(phone.hours, "span", "haven-org__hours") if phone.hours else ""
        parts.append(
            f'<p class="haven-org__phone">{view.translated(phone.label, "span", "haven-org__label")} '
            f'<a href="{dial(phone.number)}">{escape(phone.number)}</a>{seen} {hours}</p>'
        )
    if org.website:
        host = _host(org.website)
        parts.append(
            f'<p class="haven-org__web">{escape(words.website)} '
            f'<a href="{escape(org.website)}" rel="noopener noreferrer"><bdi>{escape(host)}</bdi></a></p>'
        )
    facts = []
    if org.services:
        facts.append(f"{escape(words.helps_with)} {escape(view.join([view.service(s) for s in org.services]))}")
    if org.languages:
        names = view.join([f'<span lang="{code}">{escape(view.language_name(code))}</span>' for code in org.languages])
        facts.append(f"{escape(words.languages_label)} {names}")
    cost = {"free": words.cost_free, "low-cost": words.cost_low_cost, "paid": words.cost_paid}.get(org.cost)
    if cost:
        facts.append(f"<strong>{escape(cost)}</strong>")
    if org.doj_recognized:
        facts.append(escape(words.doj_recognized))
    facts.append(
        f'<span class="haven-org__checked">{escape(words.checked.replace("{date}", view.date(org.verified)))}</span>'
    )
    facts.append(f'<span class="haven-org__sources">{escape(words.sources)} {_sources(org, view)}</span>')
    parts.append(f'<ul class="haven-org__facts">{"".join(f"<li>{fact}</li>" for fact in facts)}</ul>')
    parts.append("</li>")
    return "".join(parts)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or url).removeprefix("www.")


def _sources(org: Organization, view: _View) -> str:
    """Each source by its site's name; a second page of one site as 'docslib.org (2)'."""
    links, seen = [], dict[str, int]()
    for url in org.sources:
        host = _host(url)
        seen[host] = seen.get(host, 0) + 1
        shown = host if seen[host] == 1 else f"{host} ({seen[host]})"
        links.append(f'<a href="{escape(url)}" rel="noopener noreferrer"><bdi>{escape(shown)}</bdi></a>')
    return view.join(links)
