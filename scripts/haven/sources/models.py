"""Typed models of everything editors write: page front matter and UI strings.

Values arrive as text (see yamlsource); pydantic converts each field once and
its errors become `path:line: CODE` findings.
"""

from __future__ import annotations

import datetime
import difflib
import re
from typing import TYPE_CHECKING, Annotated, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    create_model,
    model_validator,
)
from pydantic_core import ErrorDetails

from haven.core.diagnostics import COMMAND, Diagnostic
from haven.core.yamlsource import YamlDocument

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _https(url: str) -> str:
    if not url.startswith("https://") or len(url) <= len("https://"):
        raise ValueError("must be a full address starting with https://")
    return url


HttpsUrl = Annotated[Text, AfterValidator(_https)]
LegalVersion = Annotated[int, Field(ge=1)]
# Material's own front-matter switches that pages may use.
Hideable = Literal["navigation", "toc", "footer", "path", "feedback"]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# What a source is, from strongest to weakest: readers and editors see it beside each source.
SOURCE_KINDS = ("law", "court", "government", "organization", "news", "other")
SourceKind = Literal["law", "court", "government", "organization", "news", "other"]
# A page needs at least one source of these kinds: news and other pages only report what others said.
FIRST_HAND = frozenset({"law", "court", "government", "organization"})


class Source(StrictModel):
    name: Text = Field(description="Who published it and what, e.g. 'ACLU: Immigrants' rights'.")
    url: HttpsUrl
    kind: SourceKind = Field(
        description="law (a statute, regulation or the Federal Register), court, government "
        "(an agency's own page), organization (a legal-aid or advocacy group's own "
        "page), news, or other"
    )
    checked: datetime.date = Field(description="The day an editor last compared the source with the page, YYYY-MM-DD.")
    quote: Text | None = Field(
        None,
        description="The sentence on the source that supports the page, copied "
        "exactly; needed for every kind but news.",
    )
    published: datetime.date | None = Field(None, description="The date the source itself shows, if it shows one.")


class LegalReview(StrictModel):
    """A lawyer's review of an English page; until a page has one, readers are told it has none."""

    by: Text = Field(description="The lawyer or accredited representative, and their organization.")
    date: datetime.date = Field(description="The day of the review, YYYY-MM-DD.")


class Consent(StrictModel):
    """How a client story may be published: recorded once, in the English page, for every language."""

    how: Literal["written-consent-on-file", "published-by-the-person", "published-by-the-organization", "pending"] = (
        Field(
            description="written-consent-on-file, published-by-the-person, published-by-the-organization, or "
            "pending (not published until consent is recorded)"
        )
    )
    source: HttpsUrl | None = Field(None, description="Where the person or the organization published the story.")
    record: Text | None = Field(None, description="Who keeps the signed consent, outside this repository.")
    date: datetime.date | None = Field(
        None,
        description="When consent was given, or when the source published the "
        "story (the 1st when only the month is known).",
    )
    name_shown: Literal["first-name", "full-name", "pseudonym"]
    photo: bool
    review_by: datetime.date = Field(description="When to ask again whether the person still wants it shown.")
    withdraw_contact: Text = Field(description="Who a person contacts to have their story removed.")
    withdrawn: datetime.date | None = Field(
        None, description="Set to the day a person withdrew: the story is removed from every language."
    )

    @model_validator(mode="after")
    def _evidence(self) -> Consent:
        if self.how.startswith("published-by") and self.source is None:
            raise ValueError(
                "a story published by the person or the organization needs its source: the "
                "https:// address where it was published"
            )
        if self.how == "written-consent-on-file" and self.record is None:
            raise ValueError("written consent needs its record: who keeps the signed form")
        if self.how != "pending" and self.date is None:
            raise ValueError("consent needs its date: when it was given, or when the source published the story")
        return self

    def publishable(self, today: datetime.date) -> bool:
        return self.how != "pending" and (self.withdrawn is None or self.withdrawn > today)


class PageMeta(StrictModel):
    """Front matter of an English (source-language) page."""

    title: Text
    description: Text | None = None
    reviewed: datetime.date = Field(description="When the legal content was last checked.")
    sources: list[Source] = Field(min_length=1)
    hide: list[Hideable] = []
    legal_version: LegalVersion = Field(
        1,
        description="Raise it by one when a change alters what readers should do: translations made "
        "before it then show a strong notice, and haven check reports them as errors.",
    )
    legal_review: LegalReview | None = Field(
        None, description="Who reviewed the page as a lawyer, and when; leave it out until a lawyer has."
    )
    consent: Consent | None = Field(None, description="Required for client stories (pages in stories/).")
    client_information: bool = Field(
        False,
        description="true when a page that is not a story speaks of a client: "
        "it is then checked for identifiers like a story.",
    )


SourceHash = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")]


class FluentReview(StrictModel):
    """A fluent speaker's review of a translation against the English page (`haven review` writes it).

    It counts while the English page is the version it was reviewed against: after a change to
    the English page, the updated translation needs a new review."""

    by: Text = Field(description="The reviewer's name or handle, as they want it shown on the page.")
    date: datetime.date = Field(description="The day of the review, YYYY-MM-DD.")
    source_hash: SourceHash = Field(description="translations.source_hash() of the English page reviewed against.")


class TranslationMeta(StrictModel):
    """Front matter of a translated page.

    `reviewed` and `sources` belong to the English page; a translation may add
    sources in its own language.
    """

    title: Text
    description: Text | None = None
    source_hash: SourceHash = Field(description="translations.source_hash() of the English page it was made from.")
    human_reviewed: bool | FluentReview = Field(
        description="false until a fluent speaker has reviewed it; then who, when, and against which English "
        "version. A bare true says neither, and haven check rejects it."
    )
    legal_version: LegalVersion = Field(1, description="The English page's legal_version it was translated from.")
    sources: list[Source] = []
    hide: list[Hideable] = []


PagePath = Annotated[str, StringConstraints(pattern=r"^[^:/][^:]*\.md$")]


class Redirect(StrictModel):
    """A moved or renamed page: its old address keeps sending readers on, in every language."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    old: PagePath = Field(alias="from", description="The page's old path inside docs/en/, e.g. rights/raids.md.")
    new: PagePath = Field(alias="to", description="Its path now, e.g. rights/at-home.md.")


class Redirects(StrictModel):
    redirects: list[Redirect] = []


class UrgentNotice(StrictModel):
    """A sudden legal or policy change: a banner on every page, in every language."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")] = Field(
        description="A short name in lowercase letters, digits and dashes, e.g. 2026-12-new-rule."
    )
    date: datetime.date = Field(description="The day the change was announced, YYYY-MM-DD.")
    expires: datetime.date = Field(description="The last day the banner is shown, YYYY-MM-DD.")
    text: dict[str, Text] = Field(description="The banner's words per language code; English is required.")
    link: Annotated[str, StringConstraints(pattern=r"^[^:]+\.md$")] | None = Field(
        None, description="A page to read more, as its path inside docs/en/, e.g. rights/at-home.md."
    )

    @model_validator(mode="after")
    def _expires_after_date(self) -> UrgentNotice:
        if self.expires < self.date:
            raise ValueError(f"expires ({self.expires}) is before date ({self.date})")
        return self


class UrgentNotices(StrictModel):
    notices: list[UrgentNotice] = []


def _glossary_form(form: str) -> str:
    if any("*" in word.strip("*") or not word.strip("*") for word in form.split()):
        raise ValueError("a * stands only at the start or the end of a word, as in 'orden* judicial*'")
    return form


# A word as a page writes it; a * at a word's start or end lets it go on (Russian cases, Tagalog affixes).
GlossaryForm = Annotated[Text, AfterValidator(_glossary_form)]


class AgreedWord(StrictModel):
    """A legal term's agreed translation in one language."""

    use: GlossaryForm = Field(description="The form translators write, e.g. orden judicial.")
    also: list[GlossaryForm] = Field(
        [], description="Other forms that count as the agreed word: plural, case, articles, e.g. órdenes judiciales."
    )

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.use, *self.also)


class GlossaryTerm(StrictModel):
    """One legal term: the English words that name it, and the agreed word in each other language."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")] = Field(
        description="A short name in lowercase letters, digits and dashes, e.g. judicial-warrant."
    )
    en: list[GlossaryForm] = Field(min_length=1, description="The English forms pages use, e.g. judge's warrant.")
    note: Text = Field(description="What the term means, in one or two English sentences, for translators.")
    words: dict[str, AgreedWord] = Field(description="The agreed word per language code.")


class Glossary(StrictModel):
    terms: list[GlossaryTerm] = []


# The legal-help directory's closed lists: what an organization helps with, and where.
SERVICES = (
    "removal-defense",
    "detention",
    "asylum",
    "daca",
    "family-petitions",
    "u-visa-vawa-t-visa",
    "unaccompanied-children",
    "naturalization",
    "know-your-rights",
    "hotline",
    "referral",
)
# USPS codes of the states, the District of Columbia and the territories.
STATES = [
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "DC",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
    "PR",
    "GU",
    "VI",
    "AS",
    "MP",
]
NATIONAL = "national"

# One required name per service and per state, so a missing one is named with its line.
# (pycountry's translations of US state names lack Arabic, Pashto, Haitian Creole and Tagalog.)
if TYPE_CHECKING:  # made from the lists above while the program runs; a type checker sees their base
    ServiceNames = StrictModel
    StateNames = StrictModel
    SourceKindNames = StrictModel
else:
    ServiceNames = create_model("ServiceNames", __base__=StrictModel, **{key: (Text, ...) for key in SERVICES})
    StateNames = create_model("StateNames", __base__=StrictModel, **{key: (Text, ...) for key in STATES})


class DirectoryWords(StrictModel):
    """The words of the "Find legal help" page around the directory's data."""

    official_heading: Text
    official_intro: Text
    choose_state: Text
    by_service: Text
    by_language: Text
    languages_note: Text
    national_heading: Text
    state_none: Text  # {state}
    see_national: Text
    other_state: Text
    service_heading: Text  # {service}
    language_heading: Text  # {language}
    helps_with: Text
    languages_label: Text
    cost_free: Text
    cost_low_cost: Text
    cost_paid: Text
    doj_recognized: Text
    website: Text
    number_seen: Text  # {year}
    checked: Text  # {date}
    sources: Text  # before the addresses where an entry's facts were seen
    filter_heading: Text
    filter_state: Text
    filter_service: Text
    filter_language: Text
    filter_any: Text
    filter_none: Text
    print_hint: Text
    services: ServiceNames
    states: StateNames


if not TYPE_CHECKING:
    SourceKindNames = create_model(
        "SourceKindNames", __base__=StrictModel, **{key: (Text, ...) for key in SOURCE_KINDS}
    )


class ShareWords(StrictModel):
    """The share bar, and the words printed around a page's QR code."""

    heading: Text
    whatsapp: Text
    sms: Text
    email: Text
    copy_link: Text
    copied: Text  # said aloud and shown once the link is copied
    native: Text  # opens the phone's own share sheet
    print: Text
    flyer: Text
    qr_download: Text
    qr_label: Text
    printed_address: Text  # before the page's address on paper
    flyer_scan: Text


class Strings(StrictModel):
    """UI strings of Haven's own templates, one file per language."""

    not_legal_advice: Text
    fallback_notice: Text  # {language} is replaced by the reader's language name
    partial_notice: Text  # a translation that still holds English lines; {language} as above
    fallback_label: Text
    stale_notice: Text
    outdated_notice: Text  # the English page's legal meaning changed since the translation
    stale_link: Text
    unreviewed_notice: Text
    translation_reviewed: Text  # at the page's foot once a fluent speaker's review counts; {name}, {date}
    languages_heading: Text
    reviewed_label: Text
    sources_heading: Text
    source_kinds: SourceKindNames  # shown before each source at the page's foot
    source_checked: Text  # {date}: when an editor last compared the source with the page
    no_legal_review_notice: Text  # until a lawyer has reviewed the English page
    not_found_title: Text
    not_found_link: Text
    urgent_label: Text  # before an urgent notice's date
    urgent_link: Text
    share: ShareWords
    offline_download: Text  # {size}
    directory: DirectoryWords


M = TypeVar("M", bound=BaseModel)

_FIELD_CODES = {"extra_forbidden": "H012", "missing": "H013"}


def validate(model: type[M], doc: YamlDocument, what: str) -> tuple[M | None, list[Diagnostic]]:
    """Build `model` from `doc`, or return one finding per wrong field."""
    if not isinstance(doc.data, dict):
        found = "a list" if isinstance(doc.data, list) else "plain text"
        if doc.data is None:
            found = "nothing"
        return None, [
            Diagnostic(
                doc.path,
                doc.line_of(()),
                "H011",
                f"the {what} must be a set of 'field: value' lines, found {found}",
                f"write it like 'title: Your rights'; fields: {', '.join(model.model_fields)}",
            )
        ]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, [_diagnostic(model, doc, error, what) for error in exc.errors()]


def _diagnostic(model: type[BaseModel], doc: YamlDocument, error: ErrorDetails, what: str) -> Diagnostic:
    loc = tuple(error["loc"])
    name = ".".join(str(part) for part in loc)
    code = _FIELD_CODES.get(error["type"], "H014")
    if code == "H012":
        message = f"unknown field '{name}' in the {what}"
        close = difflib.get_close_matches(str(loc[-1]), list(model.model_fields), n=1) if len(loc) == 1 else []
        hint = (
            f"did you mean '{close[0]}'? " if close else ""
        ) + f"fields allowed here: {', '.join(model.model_fields)}"
    elif code == "H013":
        field = model.model_fields.get(str(loc[0])) if len(loc) == 1 else None
        message = f"the {what} needs the field '{name}'"
        example = "YYYY-MM-DD" if field and field.annotation is datetime.date else "…"
        hint = f"add a line '{loc[-1]}: {example}'"
        if field and field.description:
            hint += f": {field.description[0].lower()}{field.description[1:].rstrip('.')}"
    elif error["type"] == "value_error" and isinstance(error.get("input"), dict):
        # A rule across several fields (a model validator): its message says what is missing.
        message = f"{name}: {error['ctx']['error']}"
        hint = ""
    elif error["type"] in _DATE_ERRORS and _DATE_SHAPE.fullmatch(str(error.get("input"))):
        # Written as YYYY-MM-DD, as asked: the day itself does not exist.
        message = f"{name}: {error['input']} is not a day of the calendar"
        hint = "check the month (01 to 12) and the day (the month's last day at most)"
    elif "input" in error and error["input"] is None:
        # `title:` with nothing after it (or YAML's words for nothing: null, ~).
        message = f"{name}: this field is empty"
        hint = f"write its value after '{loc[-1]}:'"
    elif error["type"] == "string_pattern_mismatch":
        # Never the pattern itself: an editor reads the form the field takes.
        message = f"{name}: {error.get('input')!r} is not written the way this field is"
        hint = _PATTERN_HINTS.get(str(loc[-1]), "write it as the other entries of this file are written")
    else:
        found = error.get("input")
        message = f"{name}: {error['msg'].lower()}, found {found!r}"
        hint = _HINTS.get(error["type"], "")
    return Diagnostic(doc.path, doc.line_of(loc), code, message, hint)


_DATE_ERRORS = {"date_from_datetime_parsing", "date_parsing"}
_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")


_HINTS = {
    "date_from_datetime_parsing": "write the date as YYYY-MM-DD, e.g. 2026-11-28",
    "date_parsing": "write the date as YYYY-MM-DD, e.g. 2026-11-28",
    "bool_parsing": "write true or false",
}
_PATTERN_HINTS = {
    "source_hash": f"run '{COMMAND} stamp' on this file to write the current hash",
    "id": "lowercase letters, digits and dashes, e.g. 2026-12-new-rule",
    "link": "a page's path inside docs/en/, e.g. rights/at-home.md",
    "from": "a page's path inside docs/en/, e.g. rights/at-home.md",
    "to": "a page's path inside docs/en/, e.g. rights/at-home.md",
}
