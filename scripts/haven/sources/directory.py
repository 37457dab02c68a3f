"""The legal-help directory: one YAML file per organization in data/directory/.

Every entry is validated once, here, with `path:line` findings; the build and
`haven check` both read it through `load`. Facts carry their sources and the
date an editor last checked them against those sources.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Annotated, Literal
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError
from pydantic import Field, StringConstraints

from haven.core import schemes, yamlsource
from haven.core.diagnostics import Diagnostic, DiagnosticsError, Severity
from haven.sources.datafiles import DataFiles
from haven.sources.models import NATIONAL, SERVICES, STATES, HttpsUrl, StrictModel, Text, validate
from haven.sources.site import Site

FOLDER = "directory"  # in data/
STALE_AFTER = datetime.timedelta(days=365)


# Lines for reporting people to immigration authorities: never on this site.
REPORTING_LINES = {"18663472423": "ICE's tip line (1-866-DHS-2-ICE)"}

# A US number as people write it: 312-660-1370, (312) 660-1370, 1-800-898-7180, +1 312 660 1370.
_DIALABLE = re.compile(r"^\+?[\d\s().-]+$")

Translated = dict[str, Text]


class Phone(StrictModel):
    number: str = Field(description='The number in quotes, e.g. "312-660-1370" or "1-800-898-7180".')
    label: Translated = Field(description="What the line is for, per language code; English is required.")
    hours: Translated | None = Field(None, description="When it answers, per language code.")
    as_of: Annotated[int, Field(ge=1990, le=2100)] | None = Field(
        None, description="The year of the page where the number was seen."
    )
    source: HttpsUrl = Field(
        description="The organization's own page, or a government page, that gives this "
        "number; without one the number is not published."
    )


class Organization(StrictModel):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")] = Field(
        description="The file's name without .yml: lowercase letters, digits and dashes."
    )
    name: Text
    kind: Literal["legal-services", "hotline", "referral", "rights-information", "government"] = Field(
        description="What it does, as its own pages say: legal-services (represents people), hotline, referral, "
        "rights-information (publishes rights information and advocates, but does not represent "
        "people), or government"
    )
    website: HttpsUrl | None = None
    phones: list[Phone] = []
    regions: list[str] = Field(min_length=1, description="State codes such as IL, or national.")
    services: list[str] = []
    languages: list[str] = []
    cost: Literal["free", "low-cost", "paid", "unknown"] = "unknown"
    doj_recognized: bool | None = None
    description: Translated = Field(description="One or two plain sentences per language code; English is required.")
    sources: list[HttpsUrl] = Field(min_length=1, description="Every https:// address where these facts were seen.")
    verified: datetime.date = Field(description="When an editor last checked the entry against its sources.")

    def serves(self, state: str) -> bool:
        return NATIONAL in self.regions or state in self.regions


@dataclass(frozen=True)
class Entry:
    organization: Organization
    path: str
    line: int  # of the entry's first field
    # Each translatable text's place: (field path, its line), e.g. (("phones", 0, "label"), 12).
    texts: tuple[tuple[tuple, int], ...] = ()


@dataclass(frozen=True)
class Directory:
    entries: tuple[Entry, ...] = ()

    @property
    def organizations(self) -> tuple[Organization, ...]:
        return tuple(entry.organization for entry in self.entries)


def full_number(number: str) -> str:
    """A US number's digits with the country code: 13126601370."""
    digits = re.sub(r"\D", "", number)
    return digits if len(digits) == 11 else "1" + digits


def dial(number: str) -> str:
    """The tel: address of a US number: tel:+13126601370."""
    return "tel:+" + full_number(number)


def load(site: Site, files: DataFiles | None = None) -> tuple[Directory, list[Diagnostic]]:
    folder = site.root / "data" / FOLDER
    entries, problems = [], []
    files = files or DataFiles(site)
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        entry, found = _read(path, site, files)
        problems += found
        if entry:
            entries.append(entry)
    seen: dict[str, Entry] = {}
    for entry in entries:
        first = seen.setdefault(entry.organization.id, entry)
        if first is not entry:
            problems.append(
                Diagnostic(
                    entry.path,
                    entry.line,
                    "H073",
                    f"the id '{entry.organization.id}' is already used by {first.path}",
                    "give each organization its own id",
                )
            )
    return Directory(tuple(entries)), problems


def _read(path, site: Site, files: DataFiles) -> tuple[Entry | None, list[Diagnostic]]:
    shown = site.show(path)
    try:
        doc = files.read(path)
    except DiagnosticsError as exc:
        return None, exc.diagnostics
    # The links of an entry are checked here, for the build too (haven.checks.links.check_data leaves them).
    problems = _phones_quoted(doc) + [
        Diagnostic(shown, doc.line_of(loc), *problem)
        for loc, problem in schemes.data_problems(doc.data, urlsplit(site.site_url or "").hostname)
    ]
    model, found = validate(Organization, doc, "directory entry")
    # An unsafe or insecure address is named once, by what is wrong with it.
    named = {problem.line for problem in problems}
    problems += [problem for problem in found if problem.line not in named]
    if model is None:
        return None, problems
    problems += _closed_lists(model, doc, site)
    if model.id != path.stem:
        problems.append(
            Diagnostic(
                shown,
                doc.line_of(("id",)),
                "H078",
                f"the id '{model.id}' differs from the file name {path.name}",
                f"name the file {model.id}.yml, or change the id",
            )
        )
    texts: list[tuple[yamlsource.Loc, int]] = [(("description",), doc.line_of(("description",)))]
    for i, phone in enumerate(model.phones):
        texts.append((("phones", i, "label"), doc.line_of(("phones", i, "label"))))
        if phone.hours:
            texts.append((("phones", i, "hours"), doc.line_of(("phones", i, "hours"))))
    for loc, line in texts:
        problems += _translated(_get(model, loc), loc, line, shown, site)
    return Entry(model, shown, doc.line_of(()), tuple(texts)), problems


def _phones_quoted(doc) -> list[Diagnostic]:
    phones = doc.data.get("phones") if isinstance(doc.data, dict) else None
    problems = []
    for i, phone in enumerate(phones if isinstance(phones, list) else []):
        if isinstance(phone, dict) and ("phones", i, "number") in doc.unquoted:
            problems.append(
                Diagnostic(
                    doc.path,
                    doc.line_of(("phones", i, "number")),
                    "H072",
                    f"the phone number {phone.get('number')} is not in quotes",
                    'write it in double quotes, e.g. number: "312-660-1370"',
                )
            )
    return problems


def _closed_lists(model: Organization, doc, site: Site) -> list[Diagnostic]:
    problems = []
    for i, service in enumerate(model.services):
        if service not in SERVICES:
            problems.append(
                Diagnostic(
                    doc.path,
                    doc.line_of(("services", i)),
                    "H070",
                    f"unknown service '{service}'",
                    f"use one of: {', '.join(SERVICES)}",
                )
            )
    for i, code in enumerate(model.languages):
        if not _is_language(code):
            problems.append(
                Diagnostic(
                    doc.path,
                    doc.line_of(("languages", i)),
                    "H071",
                    f"unknown language code '{code}'",
                    "use the two-letter ISO 639-1 code, e.g. es for Spanish",
                )
            )
    for i, region in enumerate(model.regions):
        if region not in STATES and region != NATIONAL:
            problems.append(
                Diagnostic(
                    doc.path,
                    doc.line_of(("regions", i)),
                    "H077",
                    f"unknown region '{region}'",
                    "use a two-letter state code in capitals (IL, DC, PR) or national",
                )
            )
    if NATIONAL in model.regions and len(model.regions) > 1:
        problems.append(
            Diagnostic(
                doc.path,
                doc.line_of(("regions",)),
                "H077",
                "an organization that serves the whole country needs no states beside national",
                "keep only: regions: [national]",
            )
        )
    for i, phone in enumerate(model.phones):
        digits = re.sub(r"\D", "", phone.number)
        reporting = REPORTING_LINES.get(full_number(phone.number))
        if reporting:
            problems.append(
                Diagnostic(
                    doc.path,
                    doc.line_of(("phones", i, "number")),
                    "H076",
                    f"{phone.number} is {reporting}, a line for reporting people to immigration authorities",
                    "remove it: this site never lists it",
                )
            )
        if not _DIALABLE.match(phone.number) or not (len(digits) == 10 or (len(digits) == 11 and digits[0] == "1")):
            problems.append(
                Diagnostic(
                    doc.path,
                    doc.line_of(("phones", i, "number")),
                    "H072",
                    f"the phone number '{phone.number}' cannot be dialled",
                    "write a US number with its area code, e.g. 312-660-1370 or 1-800-898-7180",
                )
            )
    return problems


def _is_language(code: str) -> bool:
    if not re.fullmatch(r"[a-z]{2}", code):
        return False
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return False
    return True


def _translated(texts: dict[str, str], loc: tuple, line: int, shown: str, site: Site) -> list[Diagnostic]:
    name = ".".join(map(str, loc))
    problems = []
    if site.default.code not in texts:
        problems.append(
            Diagnostic(
                shown,
                line,
                "H074",
                f"{name} has no English ({site.default.code}) text",
                f"add a line under {loc[-1]}: '{site.default.code}: …'",
            )
        )
    for code in texts:
        if code not in site.codes:
            problems.append(
                Diagnostic(
                    shown,
                    line,
                    "H059",
                    f"{name} has text in '{code}', which is not a language of this site",
                    f"use one of: {', '.join(site.codes)}",
                )
            )
    return problems


def _get(model, loc: tuple):
    value = model
    for part in loc:
        value = value[part] if isinstance(part, int) else getattr(value, part)
    return value


def translated_texts(directory: Directory, code: str) -> tuple[int, int]:
    """How many of the directory's texts (descriptions, phone labels, hours) exist in `code`, of how many."""
    texts = [_get(entry.organization, loc) for entry in directory.entries for loc, _ in entry.texts]
    return sum(code in text for text in texts), len(texts)


def findings(site: Site, directory: Directory, today: datetime.date) -> list[Diagnostic]:
    """What editors should look at soon: old checks, and texts not yet translated."""
    result = []
    for entry in directory.entries:
        organization = entry.organization
        if today - organization.verified > STALE_AFTER:
            result.append(
                Diagnostic(
                    entry.path,
                    entry.line,
                    "H075",
                    f"'{organization.id}' was last checked on {organization.verified}, more than 12 months ago",
                    "check each fact against its sources, then update verified:",
                    Severity.WARNING,
                )
            )
        for language in site.languages:
            missing = [line for loc, line in entry.texts if language.code not in _get(organization, loc)]
            if missing and not language.default:
                result.append(
                    Diagnostic(
                        entry.path,
                        missing[0],
                        "H079",
                        f"{len(missing)} text(s) of '{organization.id}' have no {language.name} "
                        f"({language.code}) translation; readers there see English",
                        f"add '{language.code}: …' under description, label and hours",
                        Severity.WARNING,
                    )
                )
    return result
