"""The "Find legal help" page: the directory's data, in the reader's language, for its template.

A page asks for the directory with MARKER; the build puts the HTML of overrides/haven/legal-help.html in
its place. Everything works with plain links: each state, kind of help and language is an anchored
section that CSS shows when its address is opened (#il, #help-asylum, #speaks-es). directory.js adds a
combined filter when scripts run. Each organization is shown in full in every state it serves, so one
state's section prints on its own.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError
from babel.lists import format_list
from markupsafe import Markup, escape

from haven.render import templates
from haven.sources import clock
from haven.sources.directory import Directory, Organization, dial
from haven.sources.models import NATIONAL, SERVICES, STATES, DirectoryWords
from haven.sources.site import Site

MARKER = "<!-- haven:directory -->"
NATIONAL_ID = "national"


def render(directory: Directory, words: DirectoryWords, site: Site, lang: str) -> str:
    return templates.render(site, "legal-help.html", d=_Directory(directory, words, site, lang))


class _Directory:
    """What the template needs: the organizations in the page's order, the words, and how the reader's
    language writes names, lists and dates."""

    national, national_id, states, services = NATIONAL, NATIONAL_ID, STATES, SERVICES
    dial = staticmethod(dial)

    def __init__(self, directory: Directory, words: DirectoryWords, site: Site, lang: str):
        self.words, self.site, self.lang, self.english = words, site, lang, site.default.code
        organizations = sorted(directory.organizations, key=lambda org: org.name.casefold())
        self.official = [org for org in organizations if org.kind == "government"]
        self.others = [org for org in organizations if org.kind != "government"]
        self.national_orgs = [org for org in self.others if NATIONAL in org.regions]
        self.languages = sorted({code for org in self.others for code in org.languages}, key=self.language_name)

    def local(self, state: str) -> list[Organization]:
        return [org for org in self.others if state in org.regions]

    def offering(self, service: str) -> list[Organization]:
        return [org for org in self.others if service in org.services]

    def speaking(self, code: str) -> list[Organization]:
        return [org for org in self.others if code in org.languages]

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

    def service_names(self, org: Organization) -> list[str]:
        return [self.service(key) for key in org.services]

    def state(self, code: str) -> str:
        return getattr(self.words.states, code)

    def cost(self, key: str) -> str | None:
        return {"free": self.words.cost_free, "low-cost": self.words.cost_low_cost, "paid": self.words.cost_paid}.get(
            key
        )

    def join(self, items: list) -> Markup:
        """A list as the reader's language writes one: 'A, B y C', 'A、B和C', 'A وB'. Text is escaped, the
        template's links are kept; CLDR's list patterns hold no markup."""
        escaped = [str(escape(item)) for item in items]
        try:
            return Markup(format_list(escaped, locale=self.lang))
        except (UnknownLocaleError, ValueError):
            return Markup(", ".join(escaped))

    def date(self, date: datetime.date) -> str:
        return clock.long_date(date, self.lang)

    @staticmethod
    def host(url: str) -> str:
        return (urlsplit(url).hostname or url).removeprefix("www.")

    def sources(self, org: Organization) -> list[tuple[str, str]]:
        """Each source by its site's name; a second page of one site as 'docslib.org (2)'."""
        found, seen = [], dict[str, int]()
        for url in org.sources:
            host = self.host(url)
            seen[host] = seen.get(host, 0) + 1
            found.append((url, host if seen[host] == 1 else f"{host} ({seen[host]})"))
        return found
